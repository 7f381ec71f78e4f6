// Refuses, before sending, a chosen file larger than the page accepts, so what was typed into the form is kept
// (the server refuses it too: pintu.web.max-upload-size, and the multipart limits above it). Each file input with
// data-max-bytes names its message element (data-size-message) and the sentence with {0} for the file's name.
(function () {
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    var max = Number(input.dataset.maxBytes);
    var out = document.getElementById(input.dataset.sizeMessage);
    function check() {
      var big = Array.prototype.filter.call(input.files, function (f) { return f.size > max; });
      out.textContent = big.map(function (f) { return input.dataset.tooLarge.replace('{0}', f.name); }).join(' ');
      out.hidden = big.length === 0;
      if (big.length) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
      return big.length === 0;
    }
    input.addEventListener('change', check);
    input.form.addEventListener('submit', function (e) {
      if (!check()) {
        e.preventDefault();
        input.focus();
      }
    });
  });
})();
