/**
 * Registrable domains ("acme.co.uk" from "mail.acme.co.uk") with the public suffixes that
 * customers' web and email domains actually use, plus the providers whose addresses never
 * identify a company (free mail, disposable mail). Not the whole public suffix list: an
 * unknown multi-part suffix falls back to the last two labels.
 */

const MULTI_PART_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'net.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'co.nz', 'org.nz', 'net.nz',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'co.in', 'net.in', 'org.in', 'firm.in',
  'com.br', 'net.br', 'org.br', 'com.mx', 'org.mx', 'com.ar', 'com.co', 'com.pe', 'com.tr', 'com.cn', 'net.cn', 'org.cn',
  'com.hk', 'com.sg', 'com.my', 'com.tw', 'co.kr', 'co.za', 'org.za', 'co.il', 'org.il', 'com.ua', 'com.pl', 'co.at', 'or.at',
  // Hosting platforms where each customer owns a subdomain.
  'github.io', 'gitlab.io', 'herokuapp.com', 'vercel.app', 'netlify.app', 'pages.dev', 'web.app', 'firebaseapp.com',
  'azurewebsites.net', 'cloudfront.net', 'myshopify.com', 'wixsite.com', 'blogspot.com', 'wordpress.com', 'substack.com',
]);

const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com', 'rocketmail.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'outlook.com', 'outlook.de', 'live.com', 'live.co.uk', 'msn.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'tuta.io',
  'gmx.com', 'gmx.de', 'gmx.net', 'gmx.at', 'web.de', 't-online.de', 'freenet.de', 'mail.com', 'email.com', 'zoho.com', 'zohomail.com',
  'yandex.ru', 'yandex.com', 'mail.ru', 'rambler.ru', 'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'daum.net',
  'orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'libero.it', 'virgilio.it', 'btinternet.com', 'sky.com', 'comcast.net',
  'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'shaw.ca', 'rogers.com', 'bigpond.com', 'optusnet.com.au',
  'hey.com', 'fastmail.com', 'hushmail.com', 'inbox.com', 'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl', 'rediffmail.com', 'uol.com.br', 'bol.com.br',
]);

const DISPOSABLE_MAIL = new Set([
  'mailinator.com', 'guerrillamail.com', 'guerrillamail.net', 'sharklasers.com', '10minutemail.com', 'tempmail.com', 'temp-mail.org',
  'yopmail.com', 'yopmail.fr', 'trashmail.com', 'getnada.com', 'dispostable.com', 'maildrop.cc', 'throwawaymail.com', 'fakeinbox.com',
  'mintemail.com', 'mailnesia.com', 'mohmal.com', 'emailondeck.com', 'spamgourmet.com', 'mytemp.email', 'tempail.com', 'burnermail.io',
]);

/** Free-mail and disposable providers never identify a company. */
export function isPersonalMailDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return FREE_MAIL.has(lower) || DISPOSABLE_MAIL.has(lower) || FREE_MAIL.has(registrableDomain(lower) ?? '');
}

export function isDisposableMailDomain(domain: string): boolean {
  return DISPOSABLE_MAIL.has(domain.toLowerCase());
}

/** "a.b.acme.co.uk" → "acme.co.uk"; a bare suffix or an IP address → null. */
export function registrableDomain(host: string): string | null {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length < 2 || labels.some((label) => !/^[a-z0-9-]{1,63}$/.test(label) || label.startsWith('-') || label.endsWith('-'))) return null;
  if (/^\d+$/.test(labels.at(-1)!)) return null;
  const lastTwo = labels.slice(-2).join('.');
  if (MULTI_PART_SUFFIXES.has(lastTwo)) return labels.length >= 3 ? labels.slice(-3).join('.') : null;
  return lastTwo;
}
