// Copy buttons, where the browser lets a page write the clipboard: a button with
// data-copy-from="<id>" is shown and copies the text of that element; its data-copied text tells
// that it worked. Without this script the buttons stay hidden and the key can be selected by hand.
(function () {
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll('button[data-copy-from]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy-from'));
    if (!source) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = button.getAttribute('data-copied');
      });
    });
  });
})();
