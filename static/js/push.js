/* "Turn on notifications on this phone" (issue 12): registers the service worker, asks for permission
   only when the button is tapped, subscribes with the server's VAPID key and sends the subscription to
   NataHjem. The page says what to do when JavaScript is off; everything else works without this file. */
"use strict";

(function () {
  var setup = document.getElementById("push-setup");
  var button = document.getElementById("push-enable");
  var status = document.getElementById("push-status");
  if (!setup || !button || !status) {
    return;
  }
  var nojs = document.getElementById("push-nojs");
  if (nojs) {
    nojs.hidden = true;
  }

  function say(message) {
    status.textContent = message;
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say(setup.dataset.msgUnsupported);
    return;
  }

  var registered = navigator.serviceWorker.register("/sw.js", { scope: "/" });
  registered.catch(function () {
    say(setup.dataset.msgUnsupported);
  });
  button.hidden = false;

  function keyBytes(base64url) {
    var base64 = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  function sameBytes(buffer, bytes) {
    if (!buffer) {
      return false;
    }
    var view = new Uint8Array(buffer);
    return view.length === bytes.length && view.every(function (value, i) { return value === bytes[i]; });
  }

  async function subscription(registration, key) {
    var existing = await registration.pushManager.getSubscription();
    if (existing && sameBytes(existing.options.applicationServerKey, key)) {
      return existing;
    }
    if (existing) {
      await existing.unsubscribe(); // made with an older key: the push service would refuse our messages
    }
    return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }

  async function turnOn() {
    var permission = await Notification.requestPermission();
    if (permission !== "granted") {
      say(setup.dataset.msgDenied);
      return;
    }
    say(setup.dataset.msgWorking);
    await registered;
    var registration = await navigator.serviceWorker.ready;
    var subscribed = await subscription(registration, keyBytes(setup.dataset.key));
    var response = await fetch(setup.dataset.subscribeUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": setup.dataset.csrf },
      body: JSON.stringify(subscribed.toJSON()),
    });
    if (!response.ok) {
      var answer = await response.json().catch(function () { return {}; });
      throw new Error(answer.code === "other_account" ? setup.dataset.msgOtherAccount : setup.dataset.msgFailed);
    }
    window.location.assign(setup.dataset.devicesUrl); // the list now shows this phone, with a message
  }

  button.addEventListener("click", function () {
    button.disabled = true; // one tap, one subscription
    turnOn().catch(function (error) {
      // Our own texts are passed on; a browser's error (no push service, no connection) is not shown.
      var ours = [setup.dataset.msgOtherAccount, setup.dataset.msgFailed];
      say(ours.indexOf(error && error.message) >= 0 ? error.message : setup.dataset.msgFailed);
    }).finally(function () {
      button.disabled = false;
    });
  });
})();
