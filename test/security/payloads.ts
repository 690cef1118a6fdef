/** Script and markup as a state might type them, or an attacker might: each must stay text. */
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click me</a>',
  '"><svg onload=alert(1)>',
  "'; alert(1); //",
  '<style>body{display:none}</style>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '{{constructor.constructor("alert(1)")()}}',
];
