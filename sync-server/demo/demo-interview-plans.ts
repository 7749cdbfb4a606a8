import { DEMO_CANDIDATE_IDS as C } from './demo-candidates';
import { DEMO_KIT_IDS as K } from './demo-interview-kits';
import type { DemoInterviewPlan } from './demo-interviews';
import { DEMO_JOB_IDS as J } from './demo-jobs';
import { DEMO_USER_IDS as U } from './demo-users';

const meeting = (slug: string): string => `https://meet.example.com/kestrel/${slug}`;
const BERLIN_SPREE = 'Berlin office, Room Spree (4th floor)';
const BERLIN_STUDIO = 'Berlin office, Design studio (3rd floor)';

/**
 * Nine interviews done and scored, four coming up in the next working days, one cancelled when its
 * job went on hold. Every interviewer account has some.
 */
export const DEMO_INTERVIEW_PLANS: readonly DemoInterviewPlan[] = [
  {
    id: 'int-okafor-backend-technical',
    kitId: K.backendTechnical,
    jobId: J.seniorBackend,
    candidateId: C.mayaOkafor,
    type: 'technical',
    when: { daysAgo: 25, hour: 10 },
    durationMinutes: 90,
    meetingUrl: meeting('okafor-technical'),
    interviewerIds: [U.interviewer1, U.interviewer3],
    status: 'completed',
    createdBy: U.recruiter1,
    createdDaysAgo: 28,
    scorecards: [
      {
        interviewerId: U.interviewer1,
        rating: 5,
        recommendation: 'strong_yes',
        minutesAfterEnd: 45,
        attributeRatings: [
          {
            attributeId: 'system-design',
            rating: 5,
            note: 'Started from the failure modes; idempotency keys with an outbox table.',
          },
          { attributeId: 'coding', rating: 5, note: 'Clean Go, tests first without being asked.' },
          {
            attributeId: 'operations',
            rating: 4,
            note: 'Knows when not to reach for Kafka; our pricing domain is new to her.',
          },
        ],
        notes:
          'Design exercise: a carrier booking API that survives retries. Maya started from the failure modes (duplicate bookings, a carrier timing out mid-request) before drawing a single box, proposed idempotency keys with an outbox table, and explained when she would not reach for Kafka. Coding: clean Go, tests first without being asked. Only gap is our pricing domain, which we can teach. Would raise the bar of the team.',
      },
      {
        interviewerId: U.interviewer3,
        rating: 4,
        recommendation: 'yes',
        minutesAfterEnd: 180,
        attributeRatings: [
          { attributeId: 'system-design', rating: 3, note: 'Hand-wavy on schema evolution for events.' },
          { attributeId: 'coding', rating: 4 },
          {
            attributeId: 'operations',
            rating: 5,
            note: 'The poison-message incident, and what the team changed afterwards.',
          },
        ],
        notes:
          'Deep on Kafka consumer groups and rebalancing; good story about a poison-message incident at Lieferwerk and what they changed afterwards. A bit hand-wavy on schema evolution for events (no schema registry experience). Easy to pair with: talked through her reasoning and took hints well. Would like her on the ETA event streams with the data platform team.',
      },
    ],
  },
  {
    id: 'int-okafor-backend-hiring-manager',
    kitId: K.backendHiringManager,
    jobId: J.seniorBackend,
    candidateId: C.mayaOkafor,
    type: 'hiring_manager',
    when: { daysAgo: 18, hour: 14 },
    durationMinutes: 60,
    location: BERLIN_SPREE,
    interviewerIds: [U.hiringManager],
    status: 'completed',
    createdBy: U.recruiter1,
    createdDaysAgo: 23,
    scorecards: [
      {
        interviewerId: U.hiringManager,
        rating: 5,
        recommendation: 'strong_yes',
        minutesAfterEnd: 30,
        attributeRatings: [
          {
            attributeId: 'mentoring',
            rating: 5,
            note: 'A pairing rota and the review guidelines she wrote.',
          },
          {
            attributeId: 'motivation',
            rating: 5,
            note: 'Wants to own a public API end to end; fits the band.',
          },
        ],
        notes:
          'Motivation is concrete: she wants to own a public API end to end and to mentor. Her mentoring examples were specific (a pairing rota, the review guidelines she wrote). Sharp questions about on-call compensation and our deployment freezes. Compensation expectations fit the band; three months’ notice is worth the wait. Recommend an offer.',
      },
    ],
  },
  {
    id: 'int-herrera-backend-technical',
    kitId: K.backendTechnical,
    jobId: J.seniorBackend,
    candidateId: C.tomasHerrera,
    type: 'technical',
    when: { daysAgo: 15, hour: 11 },
    durationMinutes: 90,
    meetingUrl: meeting('herrera-technical'),
    interviewerIds: [U.interviewer3],
    status: 'completed',
    createdBy: U.recruiter1,
    createdDaysAgo: 20,
    scorecards: [
      {
        interviewerId: U.interviewer3,
        rating: 4,
        recommendation: 'yes',
        minutesAfterEnd: 60,
        attributeRatings: [
          {
            attributeId: 'system-design',
            rating: 3,
            note: 'His services so far had one client; probe API design onsite.',
          },
          {
            attributeId: 'coding',
            rating: 4,
            note: 'Tests first with Testcontainers; clock skew once prompted.',
          },
          { attributeId: 'operations', rating: 4, note: 'Runs a SKIP LOCKED job queue in production.' },
        ],
        notes:
          'Built a rate limiter for a carrier-facing endpoint. Wrote tests first with Testcontainers and handled clock skew once prompted. Knows PostgreSQL locking from experience (explained a SKIP LOCKED job queue he runs in production). Less experience designing for several consuming teams: his services so far had one client. Good enough for the onsite; probe API design and mentoring there.',
      },
    ],
  },
  {
    id: 'int-herrera-backend-onsite',
    kitId: K.backendOnsite,
    jobId: J.seniorBackend,
    candidateId: C.tomasHerrera,
    type: 'onsite',
    when: { workdaysAhead: 2, hour: 9 },
    durationMinutes: 180,
    location: BERLIN_SPREE,
    interviewerIds: [U.interviewer1, U.interviewer3],
    status: 'scheduled',
    createdBy: U.recruiter1,
    createdDaysAgo: 8,
    scorecards: [],
  },
  {
    id: 'int-dubois-backend-technical',
    kitId: K.backendTechnical,
    jobId: J.seniorBackend,
    candidateId: C.chloeDubois,
    type: 'technical',
    when: { daysAgo: 36, hour: 13 },
    durationMinutes: 90,
    meetingUrl: meeting('dubois-technical'),
    interviewerIds: [U.interviewer1],
    status: 'completed',
    createdBy: U.recruiter1,
    createdDaysAgo: 39,
    scorecards: [
      {
        interviewerId: U.interviewer1,
        rating: 2,
        recommendation: 'no',
        minutesAfterEnd: 90,
        attributeRatings: [
          {
            attributeId: 'system-design',
            rating: 2,
            note: 'No idempotency on retries; a distributed transaction with no word on failure.',
          },
          { attributeId: 'coding', rating: 4, note: 'Idiomatic TypeScript and tidy tests.' },
          { attributeId: 'operations', rating: 2 },
        ],
        notes:
          'The coding part was good: idiomatic TypeScript and tidy tests. The design exercise stayed at the level of boxes: no idempotency on retries, and a distributed transaction across two services without discussing what happens when one of them fails. Once prompted she saw the problem but could not suggest an alternative. Would be a great hire for the frontend team; not a senior backend engineer yet.',
      },
    ],
  },
  {
    id: 'int-zhang-backend-technical',
    kitId: K.backendTechnical,
    jobId: J.seniorBackend,
    candidateId: C.weiZhang,
    type: 'technical',
    when: { workdaysAhead: 1, hour: 15 },
    durationMinutes: 90,
    meetingUrl: meeting('zhang-technical'),
    interviewerIds: [U.interviewer3],
    status: 'scheduled',
    createdBy: U.recruiter1,
    createdDaysAgo: 5,
    scorecards: [],
  },
  {
    id: 'int-watanabe-frontend-technical',
    kitId: K.frontendTechnical,
    jobId: J.frontend,
    candidateId: C.kenjiWatanabe,
    type: 'technical',
    when: { daysAgo: 3, hour: 13 },
    durationMinutes: 90,
    meetingUrl: meeting('watanabe-technical'),
    interviewerIds: [U.interviewer1],
    status: 'cancelled',
    createdBy: U.recruiter1,
    createdDaysAgo: 18,
    scorecards: [],
  },
  {
    id: 'int-bello-design-portfolio',
    kitId: K.designPortfolio,
    jobId: J.productDesigner,
    candidateId: C.aishaBello,
    type: 'onsite',
    when: { daysAgo: 24, hour: 12 },
    durationMinutes: 120,
    location: BERLIN_STUDIO,
    interviewerIds: [U.interviewer2],
    status: 'completed',
    createdBy: U.recruiter2,
    createdDaysAgo: 29,
    scorecards: [
      {
        interviewerId: U.interviewer2,
        rating: 4,
        recommendation: 'yes',
        minutesAfterEnd: 120,
        attributeRatings: [
          {
            attributeId: 'research',
            rating: 5,
            note: 'Fourteen warehouse interviews, two rejected concepts and why.',
          },
          {
            attributeId: 'craft',
            rating: 3,
            note: 'Good rather than outstanding; leaned on her team’s design system.',
          },
          { attributeId: 'collaboration', rating: 4 },
        ],
        notes:
          'Presented the scanner project: fourteen warehouse interviews, two rejected concepts and why, and a 30% drop in mis-scans after launch. Her critique of our booking flow was specific and kind. Visual craft is good rather than outstanding, and she leaned on her team’s design system. Strong on research and facilitation; yes overall.',
      },
    ],
  },
  {
    id: 'int-bello-design-culture',
    kitId: K.designCulture,
    jobId: J.productDesigner,
    candidateId: C.aishaBello,
    type: 'culture',
    when: { workdaysAhead: 3, hour: 14 },
    durationMinutes: 45,
    meetingUrl: meeting('bello-culture'),
    interviewerIds: [U.interviewer3],
    status: 'scheduled',
    createdBy: U.recruiter2,
    createdDaysAgo: 7,
    scorecards: [],
  },
  {
    id: 'int-rossi-design-onsite',
    kitId: K.designOnsite,
    jobId: J.productDesigner,
    candidateId: C.isabellaRossi,
    type: 'onsite',
    when: { daysAgo: 31, hour: 10 },
    durationMinutes: 180,
    location: BERLIN_STUDIO,
    interviewerIds: [U.interviewer2],
    status: 'completed',
    createdBy: U.recruiter2,
    createdDaysAgo: 35,
    scorecards: [
      {
        interviewerId: U.interviewer2,
        rating: 5,
        recommendation: 'strong_yes',
        minutesAfterEnd: 60,
        attributeRatings: [
          {
            attributeId: 'research',
            rating: 5,
            note: 'Kept asking what the shipper’s finance person needs.',
          },
          { attributeId: 'craft', rating: 5, note: 'Journey map to testable sketches in ninety minutes.' },
        ],
        notes:
          'Best onsite we have had for this role. The invoice-dispute exercise went from a journey map to testable prototype sketches in ninety minutes, and she kept asking what the shipper’s finance person actually needs. Has mentored three juniors and runs Vela’s design system. Risk: she is happy where she is and may use an offer to negotiate. Strong yes.',
      },
    ],
  },
  {
    id: 'int-carter-data-technical',
    kitId: K.dataTechnical,
    jobId: J.dataAnalyst,
    candidateId: C.emilyCarter,
    type: 'technical',
    when: { daysAgo: 14, hour: 10 },
    durationMinutes: 75,
    meetingUrl: meeting('carter-technical'),
    interviewerIds: [U.interviewer3],
    status: 'completed',
    createdBy: U.recruiter2,
    createdDaysAgo: 18,
    scorecards: [
      {
        interviewerId: U.interviewer3,
        rating: 4,
        recommendation: 'yes',
        minutesAfterEnd: 50,
        attributeRatings: [
          { attributeId: 'sql', rating: 5, note: 'Window functions; the right answer in 25 minutes.' },
          { attributeId: 'analysis', rating: 4, note: 'Spotted the planted fuel surcharges.' },
          { attributeId: 'communication', rating: 4 },
        ],
        notes:
          'SQL case study on lane margins: right answer in 25 minutes with window functions, and she spotted the late-arriving fuel surcharges I planted. Explained the result in plain words. Python adequate rather than strong (pandas, no tests). Asked how pricing decisions are made today, a good sign for this role. Yes.',
      },
    ],
  },
  {
    id: 'int-carter-data-hiring-manager',
    kitId: K.dataHiringManager,
    jobId: J.dataAnalyst,
    candidateId: C.emilyCarter,
    type: 'hiring_manager',
    when: { workdaysAhead: 4, hour: 11 },
    durationMinutes: 45,
    location: 'London office, Meeting room 2',
    interviewerIds: [U.hiringManager],
    status: 'scheduled',
    createdBy: U.recruiter2,
    createdDaysAgo: 9,
    scorecards: [],
  },
  {
    id: 'int-lindqvist-cs-hiring-manager',
    kitId: K.csHiringManager,
    jobId: J.customerSuccess,
    candidateId: C.jonasLindqvist,
    type: 'hiring_manager',
    when: { daysAgo: 14, hour: 15 },
    durationMinutes: 60,
    location: 'Amsterdam office, Keizersgracht room',
    interviewerIds: [U.hiringManager, U.interviewer2],
    status: 'completed',
    createdBy: U.recruiter2,
    createdDaysAgo: 19,
    scorecards: [
      {
        interviewerId: U.hiringManager,
        rating: 4,
        recommendation: 'yes',
        minutesAfterEnd: 20,
        attributeRatings: [
          {
            attributeId: 'relationships',
            rating: 5,
            note: 'Saved a renewal after a failed peak season, honestly.',
          },
          {
            attributeId: 'commercial',
            rating: 3,
            note: 'Managed accounts rather than a book with growth targets.',
          },
          { attributeId: 'product', rating: 4 },
        ],
        notes:
          'Walked through a renewal he saved after a failed peak season: clear diagnosis, honest about what he had promised and could not deliver. Understands freight forwarders’ economics better than most of our team. Slight concern: he has managed accounts rather than a book with growth targets; references should cover it. Yes.',
      },
      {
        interviewerId: U.interviewer2,
        rating: 4,
        recommendation: 'yes',
        minutesAfterEnd: 240,
        attributeRatings: [
          { attributeId: 'relationships', rating: 4 },
          {
            attributeId: 'product',
            rating: 5,
            note: 'Three feature requests, each with the data behind it.',
          },
        ],
        notes:
          'I joined for the product angle. Three concrete examples of customer feedback he turned into feature requests, with the data he used to prioritise them. Would be a good partner for our shipper research. Yes.',
      },
    ],
  },
  {
    id: 'int-fischer-qa-technical',
    kitId: K.qaTechnical,
    jobId: J.qa,
    candidateId: C.lenaFischer,
    type: 'technical',
    when: { daysAgo: 58, hour: 10 },
    durationMinutes: 120,
    location: 'Berlin office, Room Havel (4th floor)',
    interviewerIds: [U.interviewer1, U.interviewer2],
    status: 'completed',
    createdBy: U.recruiter1,
    createdDaysAgo: 61,
    scorecards: [
      {
        interviewerId: U.interviewer1,
        rating: 5,
        recommendation: 'strong_yes',
        minutesAfterEnd: 30,
        attributeRatings: [
          { attributeId: 'test-design', rating: 5 },
          {
            attributeId: 'automation',
            rating: 5,
            note: 'Found a real race in staging and made the test deterministic instead of retrying.',
          },
          { attributeId: 'product-sense', rating: 4 },
        ],
        notes:
          'Pairing exercise: wrote a Playwright test for the booking flow, found a real race in our staging environment within twenty minutes, and explained how she would make the test deterministic instead of adding a retry. Strong on API contract tests. Exactly the person to build our suite from zero.',
      },
      {
        interviewerId: U.interviewer2,
        rating: 4,
        recommendation: 'yes',
        minutesAfterEnd: 90,
        attributeRatings: [
          { attributeId: 'test-design', rating: 4 },
          {
            attributeId: 'product-sense',
            rating: 5,
            note: 'Four usability bugs, written up with steps and severity.',
          },
        ],
        notes:
          'Exploratory session on the shipper portal: found four usability bugs and wrote them up clearly, with steps and severity. Thinks about the user, not only the specification. Yes.',
      },
    ],
  },
];
