import type { ComponentChildren } from 'preact';
import type { ConnectorId, CustomerRecord } from '../../model/record';
import type { Connection } from '../../model/health';
import { formatDate, formatMoney, initials, lifecycleLabel, safeHttpUrl } from '../shared/format';
import { connectorLabel } from '../shared/labels';
import { contactPoints, type ContactPoint } from '../../identity/contact-points';
import { mailtoHref } from '../../identity/email';
import { FirstAndMore } from './FirstAndMore';
import { NotKnown } from '../shared/NotKnown';

function Field({ label, children, testId }: { label: string; children: ComponentChildren; testId: string }) {
  if (children === undefined || children === null || children === false || children === '' || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** Values of the record's own tool plainly; another tool's (a personal address only Pipedrive has) with that tool's name. */
function List({ points, own, href, noun, plural }: { points: ContactPoint[]; own: ConnectorId; href: (value: string) => string; noun: string; plural: string }) {
  return (
    <FirstAndMore
      items={points}
      noun={noun}
      plural={plural}
      keyOf={(point) => point.value}
      render={(point) => (
        <>
          <a href={href(point.value)}>{point.value}</a>
          {!point.connectors.includes(own) && <span class="muted"> · {point.connectors.map(connectorLabel).join(', ')}</span>}
        </>
      )}
    />
  );
}

export function AccountBadge({ record, connection }: { record: CustomerRecord; connection: Connection | undefined }) {
  return (
    <p class="account" data-testid="account">
      <span class="tool">{connectorLabel(record.connector)}</span>
      <span>{connection?.account === record.account ? connection.accountLabel : `Account ${record.account}`}</span>
      {connection?.account === record.account && connection.isSandbox && <span class="badge warn">Sandbox</span>}
    </p>
  );
}

interface ProfileCardProps {
  record: CustomerRecord;
  /** The same person or company in the other tools, for their emails and phones. */
  members: CustomerRecord[];
  related: CustomerRecord[];
  connection: Connection | undefined;
  onOpen: (key: string) => void;
}

export function ProfileCard({ record, members, related, connection, onOpen }: ProfileCardProps) {
  const f = record.fields;
  // The same company seen by two tools is listed once, the record's own tool first.
  const companies = [...related.filter((r) => r.type === 'company')]
    .sort((a, b) => Number(b.connector === record.connector) - Number(a.connector === record.connector))
    .filter((company, index, all) => all.findIndex((c) => (c.fields.domain ?? c.title.toLowerCase()) === (company.fields.domain ?? company.title.toLowerCase())) === index);
  const { emails, phones } = contactPoints(record, members);
  const link = safeHttpUrl(record.url);
  const label = connectorLabel(record.connector);
  // A person always has these rows, so one that another tool fills in later does not push the panel down.
  const isPerson = record.type === 'person';
  return (
    <article class="profile" aria-labelledby="profile-title">
      <header class="profile-header">
        <div class="avatar" aria-hidden="true">{initials(record.title)}</div>
        <div>
          <h1 id="profile-title" data-testid="profile-name">{record.title}</h1>
          {record.type === 'person' && (f.jobTitle || f.companyName) && (
            <p class="subtitle">{[f.jobTitle, companies[0]?.title ?? f.companyName].filter(Boolean).join(' · ')}</p>
          )}
          {record.type === 'company' && f.domain && <p class="subtitle">{f.domain}</p>}
        </div>
      </header>
      <AccountBadge record={record} connection={connection} />
      <dl class="fields">
        <Field label="Email" testId="field-emails">
          {emails.length > 0 ? <List points={emails} own={record.connector} noun="email" plural="emails" href={mailtoHref} /> : isPerson && <NotKnown />}
        </Field>
        <Field label="Phone" testId="field-phones">
          {phones.length > 0 ? <List points={phones} own={record.connector} noun="phone" plural="phones" href={(phone) => `tel:${phone.replace(/[^\d+]/g, '')}`} /> : isPerson && <NotKnown />}
        </Field>
        {isPerson && (
          <Field label="Company" testId="field-company">
            {companies.length > 0 ? (
              <FirstAndMore
                items={companies}
                noun="company"
                plural="companies"
                keyOf={(company) => company.key}
                render={(company) => (
                  <>
                    <button type="button" class="link" onClick={() => onOpen(company.key)}>
                      {company.title}
                    </button>
                    {company.fields.domain && <span class="muted"> · {company.fields.domain}</span>}
                  </>
                )}
              />
            ) : (
              (f.companyName ?? <NotKnown />)
            )}
          </Field>
        )}
        <Field label="Industry" testId="field-industry">{f.industry?.replaceAll('_', ' ').toLowerCase()}</Field>
        <Field label="Location" testId="field-location">{[f.city, f.country].filter(Boolean).join(', ')}</Field>
        <Field label="Employees" testId="field-employees">{f.employees?.toLocaleString()}</Field>
        <Field label="Annual revenue" testId="field-revenue">{formatMoney(f.annualRevenue)}</Field>
        <Field label="Lifecycle stage" testId="field-lifecycle">{lifecycleLabel(f.lifecycleStage)}</Field>
        <Field label="Owner" testId="field-owner">{f.ownerName ?? (f.ownerId ? `User ${f.ownerId}` : undefined)}</Field>
        <Field label={`Last modified in ${label}`} testId="field-modified">{formatDate(f.lastModifiedAt)}</Field>
      </dl>
      {link && (
        <a class="deep-link" href={link} target="_blank" rel="noopener noreferrer" data-testid="deep-link">
          Open in {label} ↗
        </a>
      )}
    </article>
  );
}

/** Same footprint as the card, so nothing jumps when the data arrives. */
export function ProfileSkeleton() {
  return (
    <article class="profile skeleton" aria-busy="true" aria-label="Loading profile">
      <header class="profile-header">
        <div class="avatar" />
        <div>
          <div class="bar wide" />
          <div class="bar" />
        </div>
      </header>
      {[1, 2, 3, 4, 5].map((i) => (
        <div key={i} class="bar line" />
      ))}
    </article>
  );
}

/** What the other tools add to a profile, while it is read (the record's own card shows already). */
export function ProfileRestSkeleton() {
  return (
    <div class="skeleton" aria-hidden="true" data-testid="profile-rest-loading">
      {[1, 2, 3].map((i) => (
        <div key={i} class="bar line" />
      ))}
    </div>
  );
}
