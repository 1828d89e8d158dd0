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

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', restore);
    } else {
        restore();
    }
    return {ended: ended};
})();
