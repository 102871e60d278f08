<div class="notice notice--success" role="status">
  <h1>[[booking.cancelled.title]]</h1>
  <p>[[booking.cancelled.body]]</p>
</div>
