{{#PUBLIC_INFO}}
<section class="notice" aria-labelledby="public-info-title">
  <h2 id="public-info-title">[[programinfo.public.title]]</h2>
  <dl>
    {{#ELIGIBILITY}}<dt>[[programinfo.public.eligibility]]</dt><dd>{{TEXT}}</dd>{{/ELIGIBILITY}}
    {{#WHAT_TO_BRING}}<dt>[[programinfo.public.what_to_bring]]</dt><dd>{{TEXT}}</dd>{{/WHAT_TO_BRING}}
    {{#ACCESS}}<dt>[[programinfo.public.access]]</dt><dd>{{TEXT}}</dd>{{/ACCESS}}
    <dt>[[programinfo.public.deadline]]</dt><dd>{{DEADLINE}}</dd>
  </dl>
  {{#OFFICE}}
  <h3>[[programinfo.public.office]]</h3>
  <p>[[programinfo.public.office_lead]]</p>
  <dl>
    {{#PHONE}}<dt>[[programinfo.public.phone]]</dt><dd><a href="tel:{{TEL}}">{{TEXT}}</a></dd>{{/PHONE}}
    {{#EMAIL}}<dt>[[programinfo.public.email]]</dt><dd><a href="mailto:{{TEXT}}">{{TEXT}}</a></dd>{{/EMAIL}}
    {{#HOURS}}<dt>[[programinfo.public.hours]]</dt><dd>{{TEXT}}</dd>{{/HOURS}}
  </dl>
  {{/OFFICE}}
</section>
{{/PUBLIC_INFO}}
