import type { InterviewKit, InterviewPlan } from '#shared/domain/job/interview-plan-schema';
import { DEMO_JOB_IDS as J } from './demo-jobs';

/** Ids of the demo's interview kits, which demo interviews follow. */
export const DEMO_KIT_IDS = {
  backendScreen: 'kit-backend-screen',
  backendTechnical: 'kit-backend-technical',
  backendOnsite: 'kit-backend-onsite',
  backendHiringManager: 'kit-backend-hiring-manager',
  designPortfolio: 'kit-design-portfolio',
  designOnsite: 'kit-design-onsite',
  designCulture: 'kit-design-culture',
  dataTechnical: 'kit-data-technical',
  dataHiringManager: 'kit-data-hiring-manager',
  csHiringManager: 'kit-cs-hiring-manager',
  frontendTechnical: 'kit-frontend-technical',
  sreTechnical: 'kit-sre-technical',
  qaTechnical: 'kit-qa-technical',
  internScreen: 'kit-intern-screen',
} as const;

const K = DEMO_KIT_IDS;

type Kit = InterviewKit;
const kit = (kitPlan: Kit): Kit => kitPlan;

/** The interview plan of every demo job: what each team wants to learn, and in which interview. */
export const DEMO_INTERVIEW_KITS: Readonly<Record<string, InterviewPlan>> = {
  [J.seniorBackend]: {
    attributes: [
      {
        id: 'system-design',
        name: 'System design',
        description: 'Designs for failure: retries, idempotency, partial outages.',
      },
      { id: 'coding', name: 'Coding and testing', description: 'Clear, tested code without being asked.' },
      {
        id: 'operations',
        name: 'Running services in production',
        description: 'On-call, incidents, observability, migrations.',
      },
      {
        id: 'mentoring',
        name: 'Mentoring and collaboration',
        description: 'Makes the engineers around them better.',
      },
      {
        id: 'motivation',
        name: 'Motivation and fit',
        description: 'Why this role, why now; expectations that fit the band.',
      },
    ],
    stages: [
      {
        id: 'screen',
        name: 'Recruiter screen',
        kits: [
          kit({
            id: K.backendScreen,
            name: 'Recruiter screen',
            type: 'phone',
            durationMinutes: 30,
            purpose:
              'Check motivation, notice period and salary expectations before anyone spends an afternoon.',
            questions: [
              'What would make you leave your current team?',
              'What do you expect from the role in your first six months?',
            ],
            focusAttributeIds: ['motivation'],
          }),
        ],
      },
      {
        id: 'technical',
        name: 'Technical round',
        kits: [
          kit({
            id: K.backendTechnical,
            name: 'Technical interview: design and coding',
            type: 'technical',
            durationMinutes: 90,
            purpose:
              'Can they design a carrier-facing API that survives retries and timeouts, and build it with tests?',
            questions: [
              'Design a booking API for carriers that may time out mid-request. What happens on a retry?',
              'Walk me through the last production incident you owned. What changed afterwards?',
              'Pair on the rate limiter exercise: tests first, then the code.',
            ],
            focusAttributeIds: ['system-design', 'coding', 'operations'],
          }),
        ],
      },
      {
        id: 'final',
        name: 'Final round',
        kits: [
          kit({
            id: K.backendOnsite,
            name: 'Onsite: architecture and team',
            type: 'onsite',
            durationMinutes: 180,
            purpose:
              'See them with the team: split a part of the booking monolith on the whiteboard, then review a colleague’s pull request.',
            questions: [
              'Which part of the monolith would you split first, and how would you ship it without a freeze?',
              'Review this pull request as you would for a mid-level engineer.',
            ],
            focusAttributeIds: ['system-design', 'operations', 'mentoring'],
          }),
          kit({
            id: K.backendHiringManager,
            name: 'Hiring manager interview',
            type: 'hiring_manager',
            durationMinutes: 60,
            purpose:
              'Ownership and mentoring: would they lead the service split and grow two mid-level engineers?',
            questions: [
              'Tell me about someone you mentored. What did they do differently afterwards?',
              'What do you need from a manager?',
            ],
            focusAttributeIds: ['mentoring', 'motivation'],
          }),
        ],
      },
    ],
  },
  [J.productDesigner]: {
    attributes: [
      { id: 'research', name: 'Research and synthesis' },
      { id: 'craft', name: 'Interaction and visual craft' },
      { id: 'collaboration', name: 'Collaboration with engineering and product' },
      { id: 'motivation', name: 'Motivation and fit' },
    ],
    stages: [
      {
        id: 'portfolio',
        name: 'Portfolio and onsite',
        kits: [
          kit({
            id: K.designPortfolio,
            name: 'Portfolio presentation',
            type: 'onsite',
            durationMinutes: 120,
            purpose:
              'One project end to end: the research, the trade-offs, what shipped and what it changed.',
            questions: [
              'Which concept did you throw away, and why?',
              'How did you know it worked after launch?',
            ],
            focusAttributeIds: ['research', 'craft', 'collaboration'],
          }),
          kit({
            id: K.designOnsite,
            name: 'Design exercise onsite',
            type: 'onsite',
            durationMinutes: 180,
            purpose:
              'The invoice-dispute exercise: from a journey map to testable sketches, with an engineer in the room.',
            questions: ['What does the shipper’s finance person actually need here?'],
            focusAttributeIds: ['research', 'craft'],
          }),
        ],
      },
      {
        id: 'culture',
        name: 'Team conversation',
        kits: [
          kit({
            id: K.designCulture,
            name: 'Culture conversation',
            type: 'culture',
            durationMinutes: 45,
            purpose: 'How they work in a small, fully remote team that meets once a quarter.',
            questions: ['How do you keep a remote team’s decisions visible?'],
            focusAttributeIds: ['collaboration', 'motivation'],
          }),
        ],
      },
    ],
  },
  [J.dataAnalyst]: {
    attributes: [
      { id: 'sql', name: 'SQL and data modelling' },
      { id: 'analysis', name: 'Analysis and judgement' },
      { id: 'communication', name: 'Explaining results' },
      { id: 'business', name: 'Pricing and business sense' },
    ],
    stages: [
      {
        id: 'technical',
        name: 'Case study',
        kits: [
          kit({
            id: K.dataTechnical,
            name: 'SQL case study',
            type: 'technical',
            durationMinutes: 75,
            purpose:
              'Lane margins from raw shipments: correct SQL, the planted surcharge trap, and the answer in plain words.',
            questions: [
              'Which lanes lost money last quarter, and why?',
              'What would you check before trusting this result?',
            ],
            focusAttributeIds: ['sql', 'analysis', 'communication'],
          }),
        ],
      },
      {
        id: 'final',
        name: 'Hiring manager',
        kits: [
          kit({
            id: K.dataHiringManager,
            name: 'Hiring manager interview',
            type: 'hiring_manager',
            durationMinutes: 45,
            purpose: 'Would pricing managers trust their numbers and their advice?',
            questions: ['Tell me about a recommendation of yours that was not followed.'],
            focusAttributeIds: ['business', 'communication'],
          }),
        ],
      },
    ],
  },
  [J.customerSuccess]: {
    attributes: [
      { id: 'relationships', name: 'Customer relationships' },
      { id: 'commercial', name: 'Commercial sense' },
      { id: 'product', name: 'Product feedback' },
    ],
    stages: [
      {
        id: 'final',
        name: 'Hiring manager',
        kits: [
          kit({
            id: K.csHiringManager,
            name: 'Hiring manager interview',
            type: 'hiring_manager',
            durationMinutes: 60,
            purpose: 'A renewal saved, a book grown, and customer feedback turned into product decisions.',
            questions: [
              'Walk me through a renewal you saved.',
              'Which feature request of a customer did you push for, with what data?',
            ],
            focusAttributeIds: ['relationships', 'commercial', 'product'],
          }),
        ],
      },
    ],
  },
  [J.frontend]: {
    attributes: [
      { id: 'react', name: 'React and TypeScript' },
      { id: 'ux', name: 'Care for the user' },
      { id: 'testing', name: 'Testing' },
    ],
    stages: [
      {
        id: 'technical',
        name: 'Technical round',
        kits: [
          kit({
            id: K.frontendTechnical,
            name: 'Technical interview',
            type: 'technical',
            durationMinutes: 90,
            purpose: 'Build a small tracking view with us: state, accessibility and tests.',
            questions: ['How would you keep this list fast with 10,000 shipments?'],
            focusAttributeIds: ['react', 'ux', 'testing'],
          }),
        ],
      },
    ],
  },
  [J.sre]: {
    attributes: [
      { id: 'reliability', name: 'Reliability engineering' },
      { id: 'automation', name: 'Automation' },
      { id: 'incidents', name: 'Incident leadership' },
    ],
    stages: [
      {
        id: 'technical',
        name: 'Technical round',
        kits: [
          kit({
            id: K.sreTechnical,
            name: 'Technical interview',
            type: 'technical',
            durationMinutes: 90,
            purpose: 'Debug a degraded service from its dashboards, then automate the fix.',
            questions: ['What would you alert on for the booking service?'],
            focusAttributeIds: ['reliability', 'automation', 'incidents'],
          }),
        ],
      },
    ],
  },
  [J.qa]: {
    attributes: [
      { id: 'test-design', name: 'Test design' },
      { id: 'automation', name: 'Test automation' },
      { id: 'product-sense', name: 'Product sense' },
    ],
    stages: [
      {
        id: 'technical',
        name: 'Technical round',
        kits: [
          kit({
            id: K.qaTechnical,
            name: 'Pairing and exploratory testing',
            type: 'technical',
            durationMinutes: 120,
            purpose:
              'Automate a test of the booking flow, then explore the shipper portal for what specifications miss.',
            questions: [
              'How do you make a flaky test deterministic?',
              'What would you test first in this portal, and why?',
            ],
            focusAttributeIds: ['test-design', 'automation', 'product-sense'],
          }),
        ],
      },
    ],
  },
  [J.marketingIntern]: {
    attributes: [
      { id: 'writing', name: 'Writing' },
      { id: 'curiosity', name: 'Curiosity' },
    ],
    stages: [
      {
        id: 'screen',
        name: 'Phone screen',
        kits: [
          kit({
            id: K.internScreen,
            name: 'Phone screen',
            type: 'phone',
            durationMinutes: 30,
            purpose: 'A piece of writing they are proud of, and what they want to learn.',
            questions: ['Tell me about something you wrote that people read.'],
            focusAttributeIds: ['writing', 'curiosity'],
          }),
        ],
      },
    ],
  },
};
