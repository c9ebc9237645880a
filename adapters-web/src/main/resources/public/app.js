// CSP Software Desk — the little script the dashboard uses on top of htmx. Every page also works
// without it: forms post and pages reload; this only opens dialogs in place, copies, and polls.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // htmx requests carry the CSRF token as a header (the server also accepts the form field).
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
  });

  // A dialog swapped into #dialog-host opens modal; focus goes to its first field or button.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "dialog-host") {
      return;
    }
    var dialog = target.querySelector("dialog");
    if (!dialog) {
      return;
    }
    // Rendered with "open" so that it also shows without script; here it becomes a modal dialog.
    if (!dialog.matches(":modal")) {
      dialog.removeAttribute("open");
      dialog.showModal();
    }
    var first = dialog.querySelector("[autofocus], select, input:not([type=hidden]), textarea, button.primary, button");
    if (first) {
      first.focus();
    }
    dialog.addEventListener("close", function () {
      dialog.remove();
      if (dialog.dataset.reloadOnClose === "true") {
        window.location.reload();
      }
    });
  });

  // A dialog that changed what the page shows (a cancellation's confirmation) marks itself
  // data-refresh-behind: the page under it is fetched again and its content swapped in, so what
  // shows behind the confirmation is current without a reload.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "dialog-host" || !target.querySelector("dialog[data-refresh-behind]")) {
      return;
    }
    fetch(window.location.href, {credentials: "same-origin", headers: {"Accept": "text/html"}}).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      var main = document.getElementById("main");
      var fresh = html && new DOMParser().parseFromString(html, "text/html").getElementById("main");
      if (main && fresh) {
        main.replaceWith(fresh);
        if (window.htmx) {
          window.htmx.process(fresh);
        }
      }
    }, function () { /* the confirmation still says what happened; Back reloads */ });
  });

  // Copy Link: the new link is copied at once (the button click that asked for it is the user's gesture).
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    var source = target && target.querySelector("[data-autocopy]");
    if (!source) {
      return;
    }
    copyText(source.value).then(function () {
      var status = document.getElementById(source.getAttribute("data-copy-status"));
      if (status) {
        status.textContent = source.getAttribute("data-copied-text") || "Copied";
      }
    }, function () { /* the Copy button is still there */ });
    source.focus();
    source.select();
  });

  // Content swapped inside an open dialog keeps the focus in the dialog.
  document.addEventListener("htmx:afterSettle", function (event) {
    var focus = event.detail.target && event.detail.target.querySelector("[data-focus]");
    if (focus) {
      focus.focus();
    }
  });

  // Refusals (4xx) from htmx requests still show their message: swap them in like successes.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status >= 400 && status < 500 && event.detail.xhr.getResponseHeader("Content-Type").indexOf("text/html") === 0) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A server error (5xx) or no answer at all for an htmx request: nothing is swapped in, so say so
  // instead of leaving the button looking as if it did nothing.
  function requestFailed() {
    var notice = document.getElementById("request-failed");
    if (notice) {
      notice.hidden = false;
      notice.scrollIntoView({ block: "nearest" });
    }
  }
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr.status >= 500) {
      requestFailed();
    }
  });
  document.addEventListener("htmx:sendError", requestFailed);
  document.addEventListener("htmx:beforeRequest", function () {
    var notice = document.getElementById("request-failed");
    if (notice) {
      notice.hidden = true;
    }
  });

  // Copy buttons: data-copy-target names the element whose value or text is copied.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      document.execCommand("copy");
    } finally {
      document.body.removeChild(area);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    if (!source) {
      return;
    }
    var text = source.value !== undefined && source.tagName !== "DIV" ? source.value : source.textContent.trim();
    copyText(text).then(function () {
      var status = document.getElementById(button.getAttribute("data-copy-status"));
      if (status) {
        status.textContent = button.getAttribute("data-copied-text") || "Copied";
      }
    });
  });

  // Close buttons inside dialogs.
  document.addEventListener("click", function (event) {
    var close = event.target.closest("[data-close-dialog]");
    if (close) {
      var dialog = close.closest("dialog");
      if (dialog && dialog.open && typeof dialog.close === "function" && dialog.parentElement.id === "dialog-host") {
        event.preventDefault();
        dialog.close();
      }
    }
  });

  // Selects marked data-autosubmit send their form on change (the button stays for keyboards without script).
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-autosubmit]") && event.target.form && !event.target.hasAttribute("hx-get")) {
      event.target.form.requestSubmit();
    }
  });
})();
