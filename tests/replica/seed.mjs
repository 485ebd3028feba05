// Deterministic demo data for the HubSpot replica. Other vendors' replicas derive their people
// from this, so the same customers appear across tools as they do in real life.
//
// Stable fixtures the tests rely on:
// - contact "101": Ann Lee, ann.lee@acme-robotics.com, +1 415-555-0100, lifecycle "customer",
//   owned by the first owner, associated with company "5001" Acme Robotics (acme-robotics.com).
// - contact "102": no company.
// - deals "7001".."7080" belong to one company each (`dealCompany`) and to that company's first
//   contact (`dealContacts`); Ann gets Acme Robotics' deals "7005", "7008" (won) and "7041" (open).
// - tickets "9001".."9012" (`tickets`, `ticketContact`): Ann has "9001" (open, Waiting on us) and
//   "9002" (closed). Tickets were added after everything else, so nothing above changed.
// - contact "111": Antonín Dvořák (`DVORAK_ID`), spelled with diacritics, his address without.
// Contact ids are "101".."340", company ids "5001".."5060".
import { isValidPhoneNumber } from 'libphonenumber-js';

export const DVORAK_ID = '111';

/** NANP area codes from 200 to 899 that libphonenumber knows to be in service. */
const AREA_CODES = Array.from({ length: 700 }, (_, i) => 200 + i).filter((area) => isValidPhoneNumber(`+1 ${area}-555-0100`));

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ann', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Aiko', 'Bruno', 'Chloe', 'Dmitri', 'Eva', 'Felix', 'Gita', 'Hannah', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Marco', 'Nadia', 'Omar', 'Priya', 'Rafael', 'Sofia', 'Tomas', 'Ulla', 'Vera', 'Will', 'Yara', 'Zane', 'Amir', 'Bea', 'Cyrus', 'Dana', 'Emil', 'Fatima', 'Gus', 'Helga', 'Ida', 'Jamal'];
const LAST = ['Lee', 'Novak', 'Okafor', 'Schmidt', 'Garcia', 'Haddad', 'Kim', 'Tanaka', 'Rossi', 'Berg', 'Adeyemi', 'Murphy', 'Cohen', 'Silva', 'Ivanova', 'Costa', 'Walsh', 'Moreno', 'Nieminen', 'Patel', 'Dubois', 'Jensen', 'Chen', 'Ortiz', 'Yilmaz', 'Fischer', 'Sato', 'Almeida', 'Martin', 'Petrov', 'Larsen', 'Weber', 'Rao', 'Becker', 'Kowalski', 'Romano', 'Mensah', 'Lindqvist', 'Bianchi', 'Hassan', 'Shah', 'Reyes', 'Andersson', 'Nowak', 'Horvat', 'Meyer', 'Popescu', 'Wong', 'Flores', 'Young', 'Baker', 'Clark', 'Evans', 'Hughes', 'Khan', 'Lopez', 'Nguyen', 'Price', 'Scott', 'Turner'];
const COMPANY_WORDS_A = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Cyberdyne', 'Tyrell', 'Wonka', 'Aperture', 'Black Mesa', 'Massive', 'Pied Piper', 'Gringotts', 'Oscorp', 'Nakatomi', 'Dunder'];
const COMPANY_WORDS_B = ['Robotics', 'Analytics', 'Foods', 'Labs', 'Logistics'];
const INDUSTRIES = ['COMPUTER_SOFTWARE', 'MARKETING_AND_ADVERTISING', 'RETAIL', 'FINANCIAL_SERVICES', 'HOSPITAL_HEALTH_CARE', 'LOGISTICS_AND_SUPPLY_CHAIN'];
const CITIES = [['San Francisco', 'United States'], ['Berlin', 'Germany'], ['London', 'United Kingdom'], ['Lisbon', 'Portugal'], ['Toronto', 'Canada'], ['Sydney', 'Australia']];
const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'];
const TITLES = ['VP Marketing', 'Growth Lead', 'CMO', 'Marketing Ops Manager', 'Head of CRM', 'Demand Gen Manager', 'CFO', 'Support Lead', 'Founder', 'Product Marketer'];

const BASE_TIME = Date.UTC(2024, 0, 15, 9, 0, 0);
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function makeHubspotData(seed = 42) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Only area codes in service (not 211, 555, …): other numbers are no identity. One draw, as
  // before, so the rest of the data stays as it was.
  const phone = () => `+1 ${AREA_CODES[Math.floor(random() * AREA_CODES.length)]}-555-0${String(100 + Math.floor(random() * 900)).slice(0, 3)}`;

  const owners = ['Dana Scully', 'Fox Mulder', 'Walter Skinner', 'Monica Reyes', 'John Doggett'].map((name, i) => {
    const [firstName, lastName] = name.split(' ');
    return {
      id: String(71234501 + i),
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@demo-agency.com`,
      firstName,
      lastName,
      userId: 9100 + i,
      createdAt: iso(BASE_TIME - 400 * DAY),
      updatedAt: iso(BASE_TIME - 10 * DAY),
      archived: false,
    };
  });

  const companies = [];
  for (let i = 0; i < 60; i++) {
    const name = i === 0 ? 'Acme Robotics' : `${COMPANY_WORDS_A[i % 20]} ${COMPANY_WORDS_B[Math.floor(i / 20) + (i % 20 === 0 ? 1 : 0)] ?? 'Group'}`;
    const [city, country] = pick(CITIES);
    const created = BASE_TIME - Math.floor(random() * 600) * DAY;
    const id = String(5001 + i);
    companies.push({
      id,
      properties: {
        name,
        domain: `${slug(name)}.com`,
        phone: phone(),
        industry: pick(INDUSTRIES),
        city,
        country,
        lifecyclestage: pick(['customer', 'opportunity', 'lead']),
        hubspot_owner_id: pick(owners).id,
        numberofemployees: String(10 + Math.floor(random() * 5000)),
        annualrevenue: String(Math.floor(random() * 50_000_000)),
        createdate: iso(created),
        hs_lastmodifieddate: iso(created + Math.floor(random() * 200) * DAY),
        hs_object_id: id,
      },
      createdAt: iso(created),
      updatedAt: iso(created + 5 * DAY),
      archived: false,
    });
  }

  const contacts = [];
  const contactCompany = new Map();
  const seen = new Set();
  for (let i = 0; contacts.length < 240; i++) {
    const id = String(101 + contacts.length);
    let first = pick(FIRST);
    let last = pick(LAST);
    if (id === '101') [first, last] = ['Ann', 'Lee'];
    const company = id === '101' ? companies[0] : id === '102' || random() < 0.05 ? null : pick(companies);
    const domain = company?.properties.domain ?? 'gmail.com';
    let email = `${first}.${last}@${domain}`.toLowerCase();
    if (seen.has(email)) continue;
    seen.add(email);
    // A few people typed their address with capitals; HubSpot keeps it as entered.
    if (id !== '101' && random() < 0.05) email = `${first}.${last}@${domain.replace(/^./, (c) => c.toUpperCase())}`;
    // A name with diacritics, set after the draws so every other contact stays as it was.
    if (id === DVORAK_ID) [first, last, email] = ['Antonín', 'Dvořák', `antonin.dvorak@${domain}`];
    const created = BASE_TIME - Math.floor(random() * 500) * DAY;
    contacts.push({
      id,
      properties: {
        firstname: first,
        lastname: last,
        email,
        hs_additional_emails: company && random() < 0.1 ? `${first}${last}${Math.floor(random() * 90) + 10}@gmail.com`.toLowerCase() : null,
        phone: id === '101' ? '+1 415-555-0100' : random() < 0.5 ? phone() : `(${200 + Math.floor(random() * 700)}) 555-0${100 + Math.floor(random() * 899)}`.slice(0, 14),
        mobilephone: random() < 0.3 ? phone() : null,
        jobtitle: pick(TITLES),
        company: company?.properties.name ?? null,
        lifecyclestage: id === '101' ? 'customer' : pick(STAGES),
        hubspot_owner_id: id === '101' ? owners[0].id : pick(owners).id,
        createdate: iso(created),
        lastmodifieddate: iso(created + Math.floor(random() * 300) * DAY),
        hs_object_id: id,
      },
      createdAt: iso(created),
      updatedAt: iso(created + 3 * DAY),
      archived: false,
    });
    if (company) contactCompany.set(id, company.id);
  }
  // Deals of the default pipeline, for deal metrics: amounts are decimal strings, like HubSpot's.
  const STAGES_OPEN = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'];
  const deals = [];
  const dealCompany = new Map();
  for (let i = 0; i < 80; i++) {
    const company = pick(companies);
    dealCompany.set(String(7001 + i), company.id);
    const closed = random() < 0.3;
    const stage = closed ? (random() < 0.6 ? 'closedwon' : 'closedlost') : STAGES_OPEN[i % STAGES_OPEN.length];
    const created = BASE_TIME - Math.floor(random() * 200) * DAY;
    const id = String(7001 + i);
    deals.push({
      id,
      properties: {
        dealname: `${company.properties.name} – ${pick(['Annual plan', 'Expansion', 'Pilot', 'Renewal'])}`,
        amount: String((1 + Math.floor(random() * 40)) * 500),
        dealstage: stage,
        pipeline: 'default',
        hs_is_closed: closed ? 'true' : 'false',
        createdate: iso(created),
        hs_lastmodifieddate: iso(created + 10 * DAY),
        hs_object_id: id,
      },
      createdAt: iso(created),
      updatedAt: iso(created + 10 * DAY),
      archived: false,
    });
  }
  // Added later, without drawing from `random`, so every value above is unchanged.
  const firstContactOfCompany = new Map();
  for (const [contactId, companyId] of contactCompany) if (!firstContactOfCompany.has(companyId)) firstContactOfCompany.set(companyId, contactId);
  const dealContacts = new Map([...dealCompany].map(([dealId, companyId]) => [dealId, firstContactOfCompany.has(companyId) ? [firstContactOfCompany.get(companyId)] : []]));
  const { tickets, ticketContact } = makeHubspotTickets(seed, contacts, owners);
  return { portalId: 4815162, owners, companies, contacts, contactCompany, deals, dealCompany, dealContacts, tickets, ticketContact };
}

/** Support tickets of the default pipeline "0": stages 1 New, 2 Waiting on contact, 3 Waiting on us (open), 4 Closed. */
function makeHubspotTickets(seed, contacts, owners) {
  const random = mulberry32(seed ^ 0x7ac4e7);
  const SUBJECTS = ['Cannot log in', 'Invoice address change', 'Export to CSV fails', 'Question about pricing', 'API rate limit reached', 'Feature request: dark mode', 'Password reset email missing', 'Data import stuck'];
  const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];
  const tickets = [];
  const ticketContact = new Map();
  const add = (contactId, subject, stage, priority, created) => {
    const id = String(9001 + tickets.length);
    tickets.push({
      id,
      properties: {
        subject,
        content: `${subject}. Reported by contact ${contactId}.`,
        hs_pipeline: '0',
        hs_pipeline_stage: stage,
        hs_ticket_priority: priority,
        hubspot_owner_id: owners[tickets.length % owners.length].id,
        createdate: iso(created),
        hs_lastmodifieddate: iso(created + 2 * DAY),
        hs_object_id: id,
      },
      createdAt: iso(created),
      updatedAt: iso(created + 2 * DAY),
      archived: false,
    });
    ticketContact.set(id, contactId);
  };
  add('101', 'Robot arm calibration fails after firmware update', '3', 'HIGH', BASE_TIME - 3 * DAY);
  add('101', 'Invoice address change', '4', 'LOW', BASE_TIME - 40 * DAY);
  for (let i = 0; i < 10; i++) {
    const contact = contacts[1 + Math.floor(random() * (contacts.length - 1))];
    add(contact.id, SUBJECTS[Math.floor(random() * SUBJECTS.length)], String(1 + Math.floor(random() * 4)), PRIORITIES[Math.floor(random() * PRIORITIES.length)], BASE_TIME - Math.floor(random() * 120) * DAY);
  }
  return { tickets, ticketContact };
}

export function companyIdOfContact(data, contactId) {
  return data.contactCompany.get(contactId) ?? null;
}

export function contactIdsOfCompany(data, companyId) {
  return [...data.contactCompany].filter(([, c]) => c === companyId).map(([contact]) => contact);
}

/**
 * `count` more contacts for the benchmark's sync throughput: plain, unique and spread over the
 * seeded companies, appended after the seeded people so every other replica's data stays as it is
 * for them (other replicas derive theirs from these contacts too).
 */
export function addBulkContacts(data, count) {
  const FIRST_NAMES = ['Ada', 'Bo', 'Cyd', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo'];
  const LAST_NAMES = ['Park', 'Quist', 'Rhee', 'Stone', 'Tull', 'Umber', 'Voss', 'Wren', 'Yeo', 'Zell'];
  const created = iso(BASE_TIME - 30 * DAY);
  for (let i = 0; i < count; i++) {
    const id = String(1_000_000 + i);
    const company = data.companies[i % data.companies.length];
    const [first, last] = [FIRST_NAMES[i % 10], LAST_NAMES[Math.floor(i / 10) % 10]];
    data.contacts.push({
      id,
      properties: {
        firstname: first,
        lastname: last,
        email: `${first}.${last}.${i}@${company.properties.domain}`.toLowerCase(),
        phone: null,
        jobtitle: 'Marketing',
        company: company.properties.name,
        lifecyclestage: 'lead',
        createdate: created,
        lastmodifieddate: created,
        hs_object_id: id,
      },
      createdAt: created,
      updatedAt: created,
      archived: false,
    });
    data.contactCompany.set(id, company.id);
  }
  return data;
}
