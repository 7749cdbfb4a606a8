import type { Job } from '#shared/domain/job/job-schema';
import type { DemoClock } from './demo-time';
import { DEMO_USER_IDS as U } from './demo-users';

/** Ids of the demo organisation's jobs (SPEC §8). No id contains `__`, the application id separator. */
export const DEMO_JOB_IDS = {
  seniorBackend: 'job-senior-backend-engineer',
  productDesigner: 'job-product-designer',
  dataAnalyst: 'job-data-analyst',
  customerSuccess: 'job-customer-success-manager',
  frontend: 'job-frontend-engineer',
  sre: 'job-site-reliability-engineer',
  qa: 'job-qa-engineer',
  marketingIntern: 'job-marketing-intern',
} as const;

const J = DEMO_JOB_IDS;

type JobPlan = Omit<Job, 'updatedAt' | 'createdAt'> & { readonly createdDaysAgo: number };

const paragraphs = (...text: string[]): string => text.join('\n\n');

/**
 * The jobs of a freight-software scale-up's hiring quarter: four open roles, one paused by a budget
 * review, one draft waiting for approval, one filled and one cancelled.
 */
const JOB_PLANS: readonly JobPlan[] = [
  {
    id: J.seniorBackend,
    title: 'Senior Backend Engineer',
    department: 'Engineering',
    location: 'Berlin, Germany (hybrid)',
    employmentType: 'full_time',
    description: paragraphs(
      'Kestrel Freight moves 40,000 pallets a day across Europe, and every one of them passes through the routing and booking services our backend team owns. We are looking for a senior engineer to help us split the booking monolith into services that can be deployed on their own, without losing the correctness our carriers rely on.',
      'You will design and build the APIs that carriers, shippers and our own apps call, own their reliability in production, and mentor two mid-level engineers. You will work closely with the data platform team on the event streams that feed pricing and ETA predictions.',
      'We work in small, autonomous teams, ship several times a day, and spend one week in six on whatever the team agrees hurts most. Two office days a week in Berlin-Kreuzberg; the rest is up to you.',
    ),
    requirements: [
      '6+ years building backend services in production (Go, Kotlin or Java)',
      'Solid PostgreSQL: schema design, query plans, migrations without downtime',
      'Experience with event streaming (Kafka or similar) and its failure modes',
      'Has designed and operated public APIs used by external partners',
      'Comfortable mentoring and reviewing the work of less experienced engineers',
    ],
    salaryMin: 85_000,
    salaryMax: 105_000,
    currency: 'EUR',
    status: 'open',
    hiringManagerId: U.hiringManager,
    recruiterIds: [U.recruiter1],
    createdBy: U.recruiter1,
    createdDaysAgo: 62,
  },
  {
    id: J.productDesigner,
    title: 'Product Designer',
    department: 'Design',
    location: 'Remote (EU time zones)',
    employmentType: 'full_time',
    description: paragraphs(
      'Our shipper portal is where 3,000 small businesses book freight, track it and argue about invoices. Most of them use it once a week and need to get in and out fast. We want a product designer who enjoys making dense, operational software feel calm.',
      'You will own the end-to-end design of the booking and tracking flows: research with shippers, flows and prototypes, and the detailed UI that ships. You will pair with two engineers and our product manager, and contribute to our design system.',
      'The design team is three people today, fully remote across the EU, meeting in person once a quarter.',
    ),
    requirements: [
      '4+ years of product design on B2B or operational software',
      'A portfolio that shows research, trade-offs and shipped outcomes, not only final screens',
      'Fluent in Figma, including components and variables',
      'Comfortable running and synthesising customer interviews',
    ],
    salaryMin: 62_000,
    salaryMax: 78_000,
    currency: 'EUR',
    status: 'open',
    hiringManagerId: U.hiringManager,
    recruiterIds: [U.recruiter2],
    createdBy: U.recruiter2,
    createdDaysAgo: 48,
  },
  {
    id: J.dataAnalyst,
    title: 'Data Analyst, Pricing',
    department: 'Data',
    location: 'London, United Kingdom',
    employmentType: 'full_time',
    description: paragraphs(
      'Pricing a pallet from Rotterdam to Milan depends on fuel, lane balance, the season and what the carrier did last week. Our pricing team turns that into quotes within seconds, and needs an analyst who can tell them whether the model is making or losing money, lane by lane.',
      'You will build and maintain the pricing dashboards, dig into margin anomalies, design and read A/B tests on quote presentation, and work with the data platform team to make the underlying tables trustworthy.',
      'You will sit in our London office with the commercial team three days a week.',
    ),
    requirements: [
      'Strong SQL; comfortable with window functions and messy, late-arriving data',
      'Python or R for analysis and experiment evaluation',
      'Experience with a BI tool (Looker, Metabase or similar)',
      'Able to explain a statistical result to a salesperson in two sentences',
    ],
    salaryMin: 48_000,
    salaryMax: 60_000,
    currency: 'GBP',
    status: 'open',
    hiringManagerId: U.hiringManager,
    recruiterIds: [U.recruiter2],
    createdBy: U.recruiter2,
    createdDaysAgo: 40,
  },
  {
    id: J.customerSuccess,
    title: 'Customer Success Manager',
    department: 'Customer Success',
    location: 'Amsterdam, Netherlands',
    employmentType: 'full_time',
    description: paragraphs(
      'Our largest 60 shippers book a third of our volume. You will be their person at Kestrel: onboarding new accounts, running quarterly business reviews, spotting churn risk early and turning operational pain into clear requests for the product team.',
      'You will own a portfolio of mid-market accounts in the Benelux and DACH regions and work alongside operations, sales and finance. Some travel to customer sites, about two days a month.',
    ),
    requirements: [
      '3+ years in customer success or account management for a B2B product',
      'Fluent English and Dutch or German',
      'Logistics, supply-chain or marketplace experience is a strong plus',
      'Comfortable with numbers: renewals, expansion and churn forecasts',
    ],
    salaryMin: 52_000,
    salaryMax: 64_000,
    currency: 'EUR',
    status: 'open',
    hiringManagerId: U.hiringManager,
    recruiterIds: [U.recruiter1, U.recruiter2],
    createdBy: U.recruiter1,
    createdDaysAgo: 52,
  },
  {
    id: J.frontend,
    title: 'Frontend Engineer (React)',
    department: 'Engineering',
    location: 'Berlin, Germany (hybrid)',
    employmentType: 'full_time',
    description: paragraphs(
      'On hold since the last budget review: we expect to reopen the role once the carrier app roadmap is confirmed. Candidates already in the pipeline have been told.',
      'The carrier app is what 8,000 truck drivers and dispatchers use to accept loads, scan documents and report delays, often on patchy mobile connections. We are rebuilding it as an offline-first React application and need an engineer who cares about performance on cheap Android phones.',
      'You will work with the mobile product team, our designers and the backend team on the APIs the app needs.',
    ),
    requirements: [
      '3+ years of React and TypeScript in production',
      'Experience with offline storage, service workers or sync',
      'An eye for accessibility and for performance on low-end devices',
    ],
    salaryMin: 65_000,
    salaryMax: 82_000,
    currency: 'EUR',
    status: 'on_hold',
    hiringManagerId: U.hiringManager,
    recruiterIds: [U.recruiter1],
    createdBy: U.recruiter1,
    createdDaysAgo: 45,
  },
  {
    id: J.sre,
    title: 'Site Reliability Engineer',
    department: 'Platform',
    location: 'Berlin, Germany (hybrid)',
    employmentType: 'full_time',
    description: paragraphs(
      'Draft for approval. Headcount requested in next quarter’s plan after two on-call incidents last month.',
      'Our platform team runs the Kubernetes clusters, CI pipelines and observability stack that the rest of engineering builds on. We are looking for a site reliability engineer to lead our on-call practice, define service level objectives with the product teams and make incidents rarer and calmer.',
      'You will join a team of four platform engineers and report to the head of engineering.',
    ),
    requirements: [
      'Operated Kubernetes in production, ideally on a managed cloud offering',
      'Infrastructure as code with Terraform',
      'Has run incident response and written blameless post-mortems',
      'Prometheus, Grafana and OpenTelemetry, or their equivalents',
    ],
    salaryMin: 80_000,
    salaryMax: 98_000,
    currency: 'EUR',
    status: 'draft',
    hiringManagerId: U.hiringManager,
    recruiterIds: [U.recruiter1],
    createdBy: U.recruiter1,
    createdDaysAgo: 3,
  },
  {
    id: J.qa,
    title: 'QA Engineer',
    department: 'Engineering',
    location: 'Berlin, Germany',
    employmentType: 'full_time',
    description: paragraphs(
      'Filled. Our first dedicated QA engineer, working across the booking and billing teams.',
      'You will build our end-to-end test suite from the ground up, help engineers write better tests of their own, and own the release checklist for the billing service, where a mistake is an invoice sent to the wrong customer.',
    ),
    requirements: [
      '3+ years in test automation (Playwright, Cypress or Selenium)',
      'Able to read and write TypeScript or Python',
      'Experience testing APIs and data pipelines, not only user interfaces',
    ],
    salaryMin: 55_000,
    salaryMax: 68_000,
    currency: 'EUR',
    status: 'closed',
    closedReason: 'filled',
    hiringManagerId: U.hiringManager,
    recruiterIds: [U.recruiter1],
    createdBy: U.recruiter1,
    createdDaysAgo: 80,
  },
  {
    id: J.marketingIntern,
    title: 'Marketing Intern',
    department: 'Marketing',
    location: 'Amsterdam, Netherlands',
    employmentType: 'internship',
    description: paragraphs(
      'Cancelled: the marketing team’s next campaign was postponed, and with it this internship.',
      'A six-month internship supporting our content and events programme: case studies with shippers, the monthly newsletter and our presence at two logistics trade fairs. Paid at €1,400 a month (shown below as a yearly amount).',
    ),
    requirements: [
      'Currently studying marketing, communications or business',
      'Excellent written English; Dutch is a plus',
      'Available full time for six months',
    ],
    salaryMin: 16_800,
    salaryMax: 16_800,
    currency: 'EUR',
    status: 'closed',
    closedReason: 'cancelled',
    hiringManagerId: U.hiringManager,
    recruiterIds: [U.recruiter2],
    createdBy: U.recruiter2,
    createdDaysAgo: 70,
  },
];

/** The eight jobs of SPEC §8. */
export function buildDemoJobs(clock: DemoClock): Job[] {
  return JOB_PLANS.map(({ createdDaysAgo, ...job }) => ({
    ...job,
    requirements: [...job.requirements],
    recruiterIds: [...job.recruiterIds],
    createdAt: clock.iso({ daysAgo: createdDaysAgo, hour: 9, minute: 15 }),
    updatedAt: clock.now,
  }));
}
