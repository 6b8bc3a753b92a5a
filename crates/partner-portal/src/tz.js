// Tells the portal the browser's offset from UTC (minutes, east positive) in the pms_tz cookie,
// so that times are shown in the user's time zone from the next page on. A zone picked in the
// page's form is kept: this only sets the cookie when there is none. A page that showed times in
// UTC for want of the zone (data-zone-reload) is loaded again, once, to show them in the user's.
(function () {
  var known = function () { return document.cookie.split('; ').some(function (c) { return c.indexOf('pms_tz=') === 0; }); };
  if (known()) return;
  var minutes = -new Date().getTimezoneOffset();
  var secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = 'pms_tz=' + minutes + '; Path=/portal; SameSite=Lax' + secure;
  if (known() && document.documentElement.hasAttribute('data-zone-reload')) location.reload();
})();
