/*
 * The web chat page's own script: asks our server for a Direct Line token, renders Microsoft's
 * Web Chat (window.WebChat, from /static/webchat.js) against our self-hosted Direct Line, and
 * keeps the promise that a message carrying secrets (channelData.hideAfterSeconds) leaves the
 * screen in time, even when the server's own replacement never comes.
 * Plain browser JavaScript, no build step; its settings and sentences come from #chat-config.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var strings = config.strings;
  var status = document.getElementById('chat-status');
  var host = document.getElementById('webchat');
  var chat = document.getElementById('chat');

  function showStatus(text, isProblem) {
    status.textContent = text;
    status.className = isProblem ? 'chat-status bad' : 'chat-status';
    status.setAttribute('role', isProblem ? 'alert' : 'status');
    status.hidden = false;
  }

  function hideStatus() {
    status.hidden = true;
  }

  /* The skip link leads straight to the box where the citizen types. */
  var skipLink = document.querySelector('a.skip-link[href="#chat"]');
  if (skipLink) {
    skipLink.addEventListener('click', function (event) {
      var input = chat.querySelector('.webchat__send-box-text-box__input, .webchat__send-box-text-box__text-area');
      event.preventDefault();
      (input || chat).focus();
    });
  }

  /* ---- Messages that must leave the screen after a while (PIN/PUK). ---- */

  var hideTimers = Object.create(null);
  var store;

  /** What replaces a message with secrets: the same id, so Web Chat replaces it in place. */
  function hiddenVersionOf(activity) {
    return {
      type: 'message',
      id: activity.id,
      from: activity.from,
      recipient: activity.recipient,
      conversation: activity.conversation,
      channelId: activity.channelId,
      timestamp: activity.timestamp,
      replyToId: activity.replyToId,
      locale: activity.locale,
      text: strings.hiddenNote,
      attachments: [],
      channelData: { hidden: true },
    };
  }

  function watchForHiding(activity) {
    var data = activity.channelData || {};
    if (!activity.id) return;
    if (data.hidden) {
      // The server replaced it already: nothing left to do here.
      clearTimeout(hideTimers[activity.id]);
      delete hideTimers[activity.id];
      return;
    }
    var seconds = Number(data.hideAfterSeconds);
    if (!(seconds > 0) || hideTimers[activity.id]) return;
    // Only what the replacement needs is kept, never the text with the secrets.
    var replacement = hiddenVersionOf(activity);
    hideTimers[activity.id] = setTimeout(function () {
      delete hideTimers[activity.id];
      store.dispatch({ type: 'DIRECT_LINE/INCOMING_ACTIVITY', payload: { activity: replacement } });
    }, seconds * 1000);
  }

  /*
   * The bot writes plain sentences, never Markdown: shown as Markdown, a masked number such as
   * "+90 5** *** ** 67" would turn bold and line breaks would vanish.
   */
  function asPlainText(action) {
    var activity = action.payload.activity;
    if (activity.type !== 'message' || activity.textFormat) return action;
    var plain = Object.assign({}, activity, { textFormat: 'plain' });
    return Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: plain }) });
  }

  function isCardSubmit(action) {
    var activity = action.payload && action.payload.activity;
    return Boolean(activity && activity.value && typeof activity.value === 'object');
  }

  function clearMaskedFields() {
    var fields = host.querySelectorAll('input[type="password"]');
    for (var i = 0; i < fields.length; i++) fields[i].value = '';
  }

  store = window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity) {
          var incoming = action.payload.activity;
          // The server withdraws a message (a security word typed in the box): it leaves the page's state too.
          if (incoming.type === 'messageDelete' && incoming.id) {
            clearTimeout(hideTimers[incoming.id]);
            return next({ type: 'DIRECT_LINE/DELETE_ACTIVITY', payload: { activityID: incoming.id } });
          }
          watchForHiding(incoming);
          action = asPlainText(action);
        } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && isCardSubmit(action)) {
          // A security word typed in a card's masked field is not left behind in the page once sent.
          setTimeout(clearMaskedFields, 0);
        } else if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          hideStatus();
        } else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
          showStatus(strings.unavailable, true);
        }
        return next(action);
      };
    };
  });

  /* ---- Look: calm colours with enough contrast, large targets, no upload button. ---- */

  var styleOptions = {
    accent: '#1d4f91',
    primaryFont: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
    backgroundColor: '#ffffff',
    subtle: '#5c6773',
    bubbleBackground: '#eef2f6',
    bubbleBorderColor: '#d5dde5',
    bubbleBorderRadius: 10,
    bubbleTextColor: '#1b2733',
    bubbleFromUserBackground: '#1d4f91',
    bubbleFromUserBorderColor: '#1d4f91',
    bubbleFromUserBorderRadius: 10,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 560,
    bubbleImageHeight: 160,
    botAvatarInitials: 'SM',
    botAvatarBackgroundColor: '#a3131b',
    userAvatarInitials: '',
    hideUploadButton: true,
    markdownRenderHTML: false,
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#1b2733',
    sendBoxButtonColor: '#1d4f91',
    sendBoxBorderTop: 'solid 1px #d5dde5',
    sendBoxHeight: 48,
    suggestedActionLayout: 'flow',
    suggestedActionBorderRadius: 6,
    suggestedActionBorderColor: '#1d4f91',
    suggestedActionTextColor: '#1d4f91',
    suggestedActionHeight: 44,
  };

  /* ---- Connecting: a token from our server, then our Direct Line. ---- */

  function requestToken() {
    return fetch(config.tokenUrl, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      // A topic the page was opened with (?topic=renewal, checked by the server) is what the conversation opens with.
      body: JSON.stringify(config.topic ? { locale: config.locale, topic: config.topic } : { locale: config.locale }),
    })
      .then(function (response) {
        if (!response.ok) throw new Error('token request answered ' + response.status);
        return response.json();
      })
      .then(function (body) {
        if (!body || typeof body.token !== 'string') throw new Error('no token in the answer');
        return body.token;
      });
  }

  requestToken()
    .then(function (token) {
      var directLine = window.WebChat.createDirectLine({
        domain: window.location.origin + config.directLinePath,
        token: token,
        webSocket: true,
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          locale: config.locale,
          nonce: config.nonce,
          styleOptions: styleOptions,
        },
        host,
      );
    })
    .catch(function () {
      showStatus(strings.unavailable, true);
    });
})();
