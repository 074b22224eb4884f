// Replyguard comments, for any site: a classic script, so that the two lines sites paste work as
// they are (`<script src="https://comments.example/embed/v1/comments.js" async>`). It only learns
// where it was loaded from and imports the widget module beside it, which renders every
// `[data-replyguard]` element of the page, and those a single-page app adds later (window.Replyguard).
// Plain browser JavaScript, no build step.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  var src = script.src;
  import(new URL('widget.mjs', src).href).then(
    function (widget) {
      /** @type {{ mountAll(scriptUrl: string): void }} */ (widget).mountAll(src);
    },
    function (error) {
      console.error('Replyguard comments could not be loaded:', error);
    },
  );
})();
