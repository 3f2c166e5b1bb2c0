// The diagnostic's enhancements: "Read aloud" (the browser's speech synthesis, in the page's
// language) and "Print". Without JavaScript, or where the browser cannot speak, the buttons stay hidden.
(function () {
  var lang = document.documentElement.lang || 'fr';
  var voices = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-DE', en: 'en-GB' };
  if ('speechSynthesis' in window) {
    document.querySelectorAll('button[data-read]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var parts = [];
        button.getAttribute('data-read').split(' ').forEach(function (id) {
          var el = document.getElementById(id);
          if (el) parts.push(el.innerText);
        });
        window.speechSynthesis.cancel();
        var said = new SpeechSynthesisUtterance(parts.join('. '));
        said.lang = voices[lang] || lang;
        said.rate = 0.9;
        window.speechSynthesis.speak(said);
      });
    });
  }
  document.querySelectorAll('button[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
