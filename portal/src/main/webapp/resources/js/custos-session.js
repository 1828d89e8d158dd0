/*
 * When a Faces ajax request finds that the session has ended, the server answers with a call to
 * CustosSession.ended() (org.custos.portal.security.SessionEndedResponse) instead of a redirect to the sign-in
 * page that the browser could not follow. This says so in words, shows what the user had typed in the form they
 * were using, and keeps it in this tab's sessionStorage: after signing in again, the same page fills the same
 * fields with it. Text only, set through value and textContent (never as HTML).
 */
var CustosSession = (function () {
    var KEY = 'custos.keptInput';

    function here() {
        return window.location.pathname + window.location.search;
    }

    function typedFields() {
        var active = document.activeElement;
        var scope = active && active.form ? active.form : document;
        var fields = scope.querySelectorAll('textarea, input[type=text], input:not([type])');
        return Array.prototype.filter.call(fields, function (f) {
            return f.id && !f.readOnly && !f.disabled && f.value && f.value.trim() !== '';
        });
    }

    function ended() {
        var fields = typedFields();
        var kept = {};
        fields.forEach(function (f) { kept[f.id] = f.value; });
        try {
            window.sessionStorage.setItem(KEY, JSON.stringify({page: here(), fields: kept}));
        } catch (e) {
            // storage unavailable: the text is still shown below
        }
        var box = document.getElementById('sessionEnded');
        if (!box) {
            window.alert('Your session has ended; sign in again.');
            return;
        }
        var text = fields.map(function (f) { return f.value; }).join('\n\n');
        document.getElementById('sessionEndedText').textContent = text;
        document.getElementById('sessionEndedKept').hidden = text === '';
        document.getElementById('sessionEndedSignIn').href = window.location.href;
        box.hidden = false;
        box.scrollIntoView({block: 'center'});
    }

    function restore() {
        var stored;
        try {
            stored = JSON.parse(window.sessionStorage.getItem(KEY));
        } catch (e) {
            return;
        }
        if (!stored || stored.page !== here() || !stored.fields) {
            return;
        }
        window.sessionStorage.removeItem(KEY);
        var restored = false;
        Object.keys(stored.fields).forEach(function (id) {
            var f = document.getElementById(id);
            if (f && !f.readOnly && !f.disabled && typeof stored.fields[id] === 'string') {
                f.value = stored.fields[id];
                restored = true;
            }
        });
        var note = document.getElementById('sessionRestored');
        if (restored && note) {
            note.hidden = false;
        }
    }

    /*
     * Sign-out in one tab ends the view of every other tab of this browser that shows the portal: the tab that
     * signs out marks itself (sessionStorage, this tab only) when its sign-out form is sent; when the signed-out
     * page then loads in that tab (the portal and Keycloak sessions have ended), it tells the other tabs through a
     * BroadcastChannel (and a localStorage event, for browsers without one), and they go to the signed-out page.
     * Only a sign-out sent from a portal tab is announced: the signed-out page opened by itself (a link from
     * another site) moves no tab. Server-side the session is gone anyway: any further action of another tab leads
     * to sign-in.
     */
    var CHANNEL = 'custos.session';
    var SIGNED_OUT_KEY = 'custos.signedOut';
    var SIGNING_OUT_KEY = 'custos.signingOut';
    var channel = null;
    var leaving = false;

    function onSignedOutPage() {
        return document.getElementById('signedOutTitle') !== null;
    }

    function leave(url) {
        // only a path of this site, never another origin
        if (leaving || onSignedOutPage() || typeof url !== 'string' || !/^\/[^\/\\]/.test(url)) {
            return;
        }
        leaving = true;
        window.location.replace(url);
    }

    function announceSignOut() {
        var url = window.location.pathname;
        try {
            if (channel) {
                channel.postMessage({type: 'signed-out', url: url});
            }
        } catch (e) {
            // no channel: the storage event below still tells the other tabs
        }
        try {
            window.localStorage.setItem(SIGNED_OUT_KEY, JSON.stringify({url: url, at: Date.now()}));
        } catch (e) {
            // storage unavailable: the other tabs' next action leads to sign-in
        }
    }

    function watchSignOut() {
        if (window.BroadcastChannel) {
            channel = new BroadcastChannel(CHANNEL);
            channel.onmessage = function (event) {
                if (event.data && event.data.type === 'signed-out') {
                    leave(event.data.url);
                }
            };
        }
        window.addEventListener('storage', function (event) {
            if (event.key === SIGNED_OUT_KEY && event.newValue) {
                try {
                    leave(JSON.parse(event.newValue).url);
                } catch (e) {
                    // not ours
                }
            }
        });
        var form = document.getElementById('signOutForm');
        if (form) {
            form.addEventListener('submit', function () {
                try {
                    window.sessionStorage.setItem(SIGNING_OUT_KEY, '1');
                } catch (e) {
                    // the other tabs will find the session ended on their next action
                }
            });
        }
        if (onSignedOutPage()) {
            var signingOut = null;
            try {
                signingOut = window.sessionStorage.getItem(SIGNING_OUT_KEY);
                window.sessionStorage.removeItem(SIGNING_OUT_KEY);
            } catch (e) {
                signingOut = null;
            }
            if (signingOut) {
                announceSignOut();
            }
        }
    }

    function start() {
        restore();
        watchSignOut();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
    return {ended: ended};
})();
