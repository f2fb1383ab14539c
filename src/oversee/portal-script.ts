// The portal's browser script, served as /portal/assets/portal.js: shows and hides conditional
// questions as answers change (the same rule as question-conditions.ts), saves drafts, uploads
// evidence as base64 JSON, and submits — every call carrying the session's CSRF header.
export const PORTAL_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('portal');
  if (!form) return;
  var id = form.dataset.assessment, csrf = form.dataset.csrf, base = '/portal/a/' + encodeURIComponent(id);
  var status = document.getElementById('status');
  function say(t) { status.textContent = t; }
  function answerOf(fs) {
    var type = fs.dataset.type, q = fs.dataset.q;
    if (type === 'file') return undefined;
    if (type === 'multi_choice') return Array.prototype.map.call(fs.querySelectorAll('input:checked'), function (i) { return i.value; });
    if (type === 'yes_no' || type === 'choice') { var c = fs.querySelector('input:checked'); return c ? c.value : undefined; }
    var f = fs.querySelector('[name="' + CSS.escape(q) + '"]'); return f ? f.value : undefined;
  }
  function answers() {
    var out = {};
    form.querySelectorAll('fieldset.q').forEach(function (fs) { var a = answerOf(fs); if (a !== undefined) out[fs.dataset.q] = a; });
    return out;
  }
  function holds(cond, all) {
    var v = all[cond.question], vals = v === undefined ? [] : Array.isArray(v) ? v : [v];
    var answered = vals.some(function (x) { return String(x).trim() !== ''; });
    if (cond.answered !== undefined) return answered === cond.answered;
    if (!answered) return false;
    if (cond.includes !== undefined) return vals.indexOf(cond.includes) >= 0;
    if (cond.equals !== undefined) { var w = Array.isArray(cond.equals) ? cond.equals : [cond.equals]; return vals.some(function (x) { return w.indexOf(x) >= 0; }); }
    return true;
  }
  function refresh() {
    var all = answers(), shown = {};
    form.querySelectorAll('fieldset.q').forEach(function (fs) {
      var c = fs.dataset.showIf ? JSON.parse(fs.dataset.showIf) : null;
      var ok = !c || (shown[c.question] === true && holds(c, all));
      shown[fs.dataset.q] = ok; fs.hidden = !ok;
    });
  }
  function call(method, url, body) {
    return fetch(url, { method: method, credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-portal-csrf': csrf }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.detail || j.title || ('HTTP ' + r.status)); return j; }); });
  }
  function save() { return call('PUT', base + '/answers', { answers: answers() }); }
  form.addEventListener('change', refresh);
  form.addEventListener('input', refresh);
  document.getElementById('save').addEventListener('click', function () {
    say('Saving…'); save().then(function () { say('Draft saved.'); }, function (e) { say('Not saved: ' + e.message); });
  });
  form.querySelectorAll('button[data-upload]').forEach(function (b) {
    b.addEventListener('click', function () {
      var q = b.dataset.upload, input = document.getElementById(q + '--file'), file = input && input.files && input.files[0];
      if (!file) { say('Choose a file first.'); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var data = String(reader.result).split(',')[1] || '';
        say('Uploading ' + file.name + '…');
        call('POST', base + '/evidence', { question_id: q, filename: file.name, data: data }).then(function (m) {
          var li = document.createElement('li'); li.textContent = m.filename + ' (' + m.size + ' bytes, sha256 ' + m.sha256.slice(0, 12) + '…)';
          input.parentNode.querySelector('ul.files').appendChild(li); input.value = '';
          say('Uploaded ' + m.filename + '.');
        }, function (e) { say('Upload refused: ' + e.message); });
      };
      reader.readAsDataURL(file);
    });
  });
  document.getElementById('submit').addEventListener('click', function () {
    say('Submitting…');
    save().then(function () { return call('POST', base + '/submit', {}); }).then(function () {
      form.querySelectorAll('input,textarea,button').forEach(function (el) { el.disabled = true; });
      say('Thank you. Your assessment was submitted.');
    }, function (e) { say('Not submitted: ' + e.message); });
  });
  refresh();
})();
`;
