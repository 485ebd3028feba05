/**
 * Registrable domains ("acme.co.uk" from "mail.acme.co.uk", "acme.co.id" from
 * "x.acme.co.id") by the public suffix list's ICANN section plus the hosting platforms where
 * each customer owns a subdomain, and the providers whose addresses never identify a company
 * (free mail, disposable mail).
 */

import { publicSuffixLength } from './public-suffix';

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
  const suffixLength = publicSuffixLength(labels);
  return labels.length > suffixLength ? labels.slice(-suffixLength - 1).join('.') : null;
}
