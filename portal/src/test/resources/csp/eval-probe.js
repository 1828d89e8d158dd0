/* test only (CspBrowserIT): a script of the portal's own origin tries eval and the Function constructor */
(function () {
    var outcome = [];
    try {
        eval('1');
        outcome.push('eval-ran');
    } catch (e) {
        outcome.push('eval-blocked');
    }
    try {
        new Function('return 1')();
        outcome.push('function-ran');
    } catch (e) {
        outcome.push('function-blocked');
    }
    window.cspEvalProbe = outcome.join(',');
})();
