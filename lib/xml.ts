/**
 * Strict XML parsing that also works in an MV3 service worker (no DOMParser there): @xmldom/xmldom,
 * with the first error reported instead of a half-parsed tree.
 */
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';

/** The root element, or the reason the text is not well-formed XML. */
export function parseXmlRoot(xml: string): { root: XmlElement } | { error: string } {
  if (typeof xml !== 'string' || xml.trim() === '') return { error: 'empty response' };
  let firstError: string | null = null;
  try {
    const doc = new DOMParser({
      locator: false,
      onError: (level, msg) => {
        if (level === 'warning') return;
        firstError ??= msg;
        throw new Error(msg);
      },
    }).parseFromString(xml.trim(), 'text/xml');
    const root = doc.documentElement;
    return root ? { root } : { error: 'malformed XML: no root element' };
  } catch (e) {
    const msg = firstError ?? (e instanceof Error ? e.message : String(e));
    return { error: `malformed XML: ${msg.replace(/\s+/g, ' ').trim().slice(0, 200)}` };
  }
}

/** One `httpUrl` for every reader; it lives with the link helpers, which carry no xmldom into content scripts. */
export { httpUrl } from './sites/html-links';
