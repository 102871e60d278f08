<p class="breadcrumb"><a href="/clients">[[clients.form.back_list]]</a></p>
<h1>[[clients.booking_taken.title]]</h1>
<p>[[client.error.booking_taken]]</p>
{{#HAS_CLIENT}}<p><a href="{{CLIENT_PATH}}">[[clients.booking_taken.link]]</a></p>{{/HAS_CLIENT}}
