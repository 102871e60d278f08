<p class="breadcrumb"><a href="{{DAY_PATH}}">[[phoneday.guided.back]]</a></p>
<h1>[[phoneday.guided.title]]</h1>
[[include:partials/error_summary]]
<p class="lead">{{HEADING}}</p>
<p>[[phoneday.guided.lead]]</p>
<form method="post" action="{{DAY_PATH}}/guided" novalidate>
  <input type="hidden" name="csrf_token" value="{{CSRF}}">
  <div class="field{{#ERR_WINDOW}} field--error{{/ERR_WINDOW}}">
    <label for="window">[[phoneday.guided.window]]</label>
    <p class="field__hint" id="window-hint">[[phoneday.guided.window_hint]]</p>
    {{#ERR_WINDOW}}<p class="field__error" id="window-error">{{MESSAGE}}</p>{{/ERR_WINDOW}}
    <input id="window" name="window" type="text" maxlength="{{MAX_WINDOW}}" value="{{V_WINDOW}}" aria-describedby="window-hint{{#ERR_WINDOW}} window-error{{/ERR_WINDOW}}"{{#ERR_WINDOW}} aria-invalid="true"{{/ERR_WINDOW}}>
  </div>
  <button type="submit" class="button button--primary">[[phoneday.guided.submit]]</button>
</form>
