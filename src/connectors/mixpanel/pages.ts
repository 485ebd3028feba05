import type { PageDetector } from '../contract';
import type { PageExamples } from '../vendor-meta';

export const MIXPANEL_HOSTS = ['mixpanel.com', 'eu.mixpanel.com', 'in.mixpanel.com'] as const;
const isConsoleHost = (host: string) => (MIXPANEL_HOSTS as readonly string[]).includes(host);
const PROFILE_PATH = /^\/project\/(\d{1,12})(?:\/view\/\d{1,12})?\/app\/profile\/?$/;

/**
 * A user profile: `/project/<project>/view/<workspace>/app/profile#distinct_id=<id>` (the
 * workspace part optional). Not confirmed in Mixpanel's docs: see the README. The distinct id
 * is in the fragment, so it is read from url.hash.
 */
export const mixpanelProfilePage: PageDetector = {
  name: 'mixpanel user profile page',
  detect(url) {
    if (url.protocol !== 'https:' || !isConsoleHost(url.hostname)) return null;
    const project = PROFILE_PATH.exec(url.pathname)?.[1];
    if (!project) return null;
    const id = new URLSearchParams(url.hash.replace(/^#/, '')).get('distinct_id')?.trim() ?? '';
    return id && id.length <= 200 ? { connector: 'mixpanel', account: project, type: 'person', id, host: url.hostname } : null;
  },
};

export const mixpanelPages: PageDetector[] = [mixpanelProfilePage];

/** Deep link to a profile on the project's own residency host. */
export function mixpanelProfileUrl(host: string, projectId: string, distinctId: string): string {
  return `https://${host}/project/${projectId}/app/profile#${new URLSearchParams({ distinct_id: distinctId })}`;
}

/**
 * Example URLs for tests/unit/page-detectors.test.ts (never imported by product code, so left out
 * of every bundle): the record pages these detectors must find, and pages none may match.
 */
export const pageExamples: PageExamples = {
  positives: [
    ['https://mixpanel.com/project/3141592/view/2718/app/profile#distinct_id=4', { account: '3141592', type: 'person', id: '4', host: 'mixpanel.com' }],
    ['https://eu.mixpanel.com/project/3141592/app/profile#distinct_id=12a34aa567eb8d-9ab1c26f345b67', { account: '3141592', type: 'person', id: '12a34aa567eb8d-9ab1c26f345b67', host: 'eu.mixpanel.com' }],
  ],
  negatives: [
    'https://mixpanel.com/project/3141592/view/2718/app/insights',
    'https://mixpanel.com/project/3141592/view/2718/app/profile',
    'http://mixpanel.com/project/3141592/app/profile#distinct_id=4',
    'https://mixpanel.com.evil.example/project/3141592/app/profile#distinct_id=4',
    'https://evil.mixpanel.com/project/3141592/app/profile#distinct_id=4',
    'https://mixpanel.com/api/query/engage?project_id=3141592',
  ],
};
