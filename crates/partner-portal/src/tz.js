// Tells the portal the browser's offset from UTC (minutes, east positive) in the pms_tz cookie,
// so that times are shown in the user's time zone from the next page on. A zone picked in the
// page's form is kept: this only sets the cookie when there is none.
(function () {
  if (document.cookie.split('; ').some(function (c) { return c.indexOf('pms_tz=') === 0; })) return;
  var minutes = -new Date().getTimezoneOffset();
  var secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = 'pms_tz=' + minutes + '; Path=/portal; SameSite=Lax' + secure;
})();
