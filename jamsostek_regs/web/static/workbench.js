// The live preview of the region form: a debounced POST of the form to the server, which
// answers with the draft's HTML view, the problems by field and the linter's findings.
// Without this script the form still works: "Perbarui pratinjau" posts it and reloads.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) { return; }
  var token = document.querySelector('meta[name="csrf-token"]').content;
  var frame = document.getElementById("preview");
  var status = document.getElementById("status");
  var timer = null;
  var sent = 0;

  function text(tag, content, cls) {
    var element = document.createElement(tag);
    element.textContent = content;
    if (cls) { element.className = cls; }
    return element;
  }

  function show(answer) {
    document.querySelectorAll("[data-problems-for]").forEach(function (span) {
      var found = answer.problems[span.getAttribute("data-problems-for")];
      span.textContent = found ? found.join("; ") : "";
    });
    var general = document.getElementById("general");
    general.replaceChildren.apply(general, answer.general.map(function (m) { return text("li", m); }));
    var index = document.getElementById("problem-index");
    index.replaceChildren.apply(index, answer.index.map(function (p) {
      var item = document.createElement("li");
      var link = text("a", p.label);
      link.href = "#g-" + p.name;
      item.append(link, ": " + p.message);
      return item;
    }));
    var list = document.getElementById("findings");
    var items = answer.findings.map(function (f) {
      return text("li", f.location + ": " + f.rule + " " + f.message, f.severity === "kesalahan" ? "error" : "warning");
    });
    if (!items.length) { items = [text("li", "Tidak ada temuan.", "none")]; }
    list.replaceChildren.apply(list, items);
    if (answer.html) { frame.srcdoc = answer.html; }
    var count = Object.keys(answer.problems).length + answer.general.length;
    status.textContent = (count ? count + " isian bermasalah; pratinjau terakhir yang sah ditampilkan. " : "Pratinjau mutakhir. ") +
      "(server " + answer.ms + " ms)";
    form.setAttribute("data-previewed", String(sent));
  }

  function update() {
    var mine = ++sent;
    fetch(form.getAttribute("data-preview"), {
      method: "POST",
      body: new FormData(form),
      headers: { "X-CSRF-Token": token },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (answer) {
      if (mine === sent) { show(answer); }
    }).catch(function (error) {
      status.textContent = "Pratinjau gagal: " + error.message;
    });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 300);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.querySelectorAll("[data-add-key]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-add-key");
      var input = form.querySelector('[data-key-for="' + name + '"]');
      button.value = "key:" + name + "=" + (input ? input.value : "");
    });
  });
})();
