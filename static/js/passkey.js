/* Passkeys (security finding 2): on the security page, "Add a passkey" asks the browser to make one
   (navigator.credentials.create); on the second sign-in step, "Use my passkey" asks it to sign the
   server's challenge (navigator.credentials.get). The options come from the server in the form's
   data-options; the browser's answer goes back in a hidden field of the same form, posted as usual.
   Without this file the pages still offer the code app and recovery codes. */
"use strict";

(function () {
  function bytes(base64url) {
    var base64 = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(base64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) {
      out[i] = raw.charCodeAt(i);
    }
    return out.buffer;
  }

  function text(buffer) {
    if (!buffer) {
      return null;
    }
    var view = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < view.length; i += 1) {
      raw += String.fromCharCode(view[i]);
    }
    return window.btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (item) {
      return { type: item.type, id: bytes(item.id), transports: item.transports };
    });
  }

  function creationOptions(options) {
    options.challenge = bytes(options.challenge);
    options.user.id = bytes(options.user.id);
    options.excludeCredentials = descriptors(options.excludeCredentials);
    return options;
  }

  function requestOptions(options) {
    options.challenge = bytes(options.challenge);
    options.allowCredentials = descriptors(options.allowCredentials);
    return options;
  }

  function answer(credential) {
    var response = credential.response;
    var json = { id: credential.id, rawId: text(credential.rawId), type: credential.type,
                 clientExtensionResults: credential.getClientExtensionResults(), response: {
                   clientDataJSON: text(response.clientDataJSON) } };
    if (credential.authenticatorAttachment) {
      json.authenticatorAttachment = credential.authenticatorAttachment;
    }
    if (response.attestationObject) {
      json.response.attestationObject = text(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = text(response.authenticatorData);
      json.response.signature = text(response.signature);
      json.response.userHandle = text(response.userHandle);
    }
    return JSON.stringify(json);
  }

  function enhance(form, button, field, ask) {
    var status = document.getElementById("passkey-status");
    var nojs = document.getElementById("passkey-nojs");
    if (!form || !button || !field || !window.PublicKeyCredential || !navigator.credentials) {
      return;
    }
    if (nojs) {
      nojs.hidden = true;
    }
    button.hidden = false;
    form.addEventListener("submit", function (event) {
      if (field.value) {
        return; // the browser's answer is in: post it
      }
      event.preventDefault();
      status.textContent = "";
      ask(JSON.parse(form.dataset.options)).then(function (credential) {
        field.value = answer(credential);
        form.submit();
      }).catch(function () {
        status.textContent = form.dataset.msgFailed;
      });
    });
  }

  var register = document.getElementById("passkey-register");
  if (register) {
    enhance(register, document.getElementById("passkey-add"), register.querySelector("input[name=credential]"),
      function (options) { return navigator.credentials.create({ publicKey: creationOptions(options) }); });
  }
  var signIn = document.getElementById("passkey-sign-in");
  if (signIn) {
    enhance(signIn, document.getElementById("passkey-use"), signIn.querySelector("input[name=passkey-credential]"),
      function (options) { return navigator.credentials.get({ publicKey: requestOptions(options) }); });
  }
}());
