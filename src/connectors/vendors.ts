import { hubspotMeta } from './hubspot/meta';
import { salesforceMeta } from './salesforce/meta';
import { stripeMeta } from './stripe/meta';
import { zendeskMeta } from './zendesk/meta';
import { intercomMeta } from './intercom/meta';
import { mailchimpMeta } from './mailchimp/meta';
import { klaviyoMeta } from './klaviyo/meta';
import { pipedriveMeta } from './pipedrive/meta';
import { shopifyMeta } from './shopify/meta';
import { ga4Meta } from './ga4/meta';
import { marketoMeta } from './marketo/meta';
import { brevoMeta } from './brevo/meta';
import { activecampaignMeta } from './activecampaign/meta';
import { googleAdsMeta } from './google-ads/meta';
import { metaAdsMeta } from './meta/meta';
import { mixpanelMeta } from './mixpanel/meta';
import type { VendorTraits } from './vendor-meta';

/**
 * Every vendor, one line each: connector ids, labels, page detection, the Options cards, the
 * manifests' hosts, the import readers and the worker's connectors all derive from this list
 * (tests/unit/conventions.test.ts names whatever a vendor in it lacks). Metas only, no API code:
 * the content script, the panel and Options import this. The order is the Options order and the
 * order detectors are asked in.
 */
export const VENDOR_METAS = [hubspotMeta, salesforceMeta, stripeMeta, zendeskMeta, intercomMeta, mailchimpMeta, klaviyoMeta, pipedriveMeta, marketoMeta, brevoMeta, shopifyMeta, activecampaignMeta, mixpanelMeta, ga4Meta, googleAdsMeta, metaAdsMeta] as const;

export type AnyVendorMeta = (typeof VENDOR_METAS)[number];

export function metaOf(id: AnyVendorMeta['id']): AnyVendorMeta {
  const meta = VENDOR_METAS.find((m) => m.id === id);
  if (!meta) throw new Error(`No vendor ${id}`);
  return meta;
}

/** The vendors whose meta sets this trait, in registry order: how the features that treat tools differently pick theirs. */
export function vendorsWith(trait: keyof VendorTraits): Array<AnyVendorMeta['id']> {
  return VENDOR_METAS.filter((meta) => meta.traits[trait]).map((meta) => meta.id);
}
