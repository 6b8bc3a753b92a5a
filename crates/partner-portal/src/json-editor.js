// The policy editor's JSON document, coloured as it is typed: the textarea's text is drawn by a
// coloured copy behind it (the textarea stays the control: typing, selection, undo, submit), and
// a line below says whether the text is JSON, with a button that lays it out. Without this
// script the document is a plain textarea.
(function () {
  var pattern = /("(?:\\.|[^"\\\n])*")(?=\s*:)|("(?:\\.|[^"\\\n])*"?)|(-?\d[\d.eE+-]*)|\b(true|false|null)\b|([{}\[\],:])/g;
  var classes = ['j-key', 'j-str', 'j-num', 'j-lit', 'j-punct'];

  function paint(target, text) {
    target.textContent = '';
    var last = 0;
    var match;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) target.appendChild(document.createTextNode(text.slice(last, match.index)));
      var span = document.createElement('span');
      for (var group = 1; group <= classes.length; group++) {
        if (match[group] !== undefined) span.className = classes[group - 1];
      }
      span.textContent = match[0];
      target.appendChild(span);
      last = pattern.lastIndex;
    }
    // a last empty line keeps its height
    target.appendChild(document.createTextNode(text.slice(last) + '\n'));
  }

  document.querySelectorAll('textarea[data-json-editor]').forEach(function (area) {
    var frame = area.closest('.json-editor');
    if (!frame) return;
    var copy = document.createElement('pre');
    copy.className = 'paint';
    copy.setAttribute('aria-hidden', 'true');
    frame.insertBefore(copy, area);
    frame.classList.add('painted');
    var state = document.createElement('p');
    state.className = 'json-state';
    state.setAttribute('aria-live', 'polite');
    var layout = document.createElement('button');
    layout.type = 'button';
    layout.className = 'small secondary';
    layout.textContent = area.getAttribute('data-layout');
    frame.parentNode.insertBefore(state, frame.nextSibling);
    state.appendChild(layout);
    var words = document.createElement('span');
    state.insertBefore(words, layout);

    function check() {
      try {
        JSON.parse(area.value);
        words.textContent = area.getAttribute('data-valid') + ' ';
        state.classList.remove('bad');
        layout.disabled = false;
      } catch (e) {
        words.textContent = area.getAttribute('data-invalid') + ' ' + e.message + ' ';
        state.classList.add('bad');
        layout.disabled = true;
      }
    }
    function update() {
      paint(copy, area.value);
      copy.scrollTop = area.scrollTop;
      copy.scrollLeft = area.scrollLeft;
      check();
    }
    area.addEventListener('input', update);
    area.addEventListener('scroll', function () {
      copy.scrollTop = area.scrollTop;
      copy.scrollLeft = area.scrollLeft;
    });
    layout.addEventListener('click', function () {
      try {
        area.value = JSON.stringify(JSON.parse(area.value), null, 2);
        update();
      } catch (e) {
        check();
      }
    });
    update();
  });
})();
