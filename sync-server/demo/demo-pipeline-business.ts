import { move, type ApplicationPlan } from './demo-applications';
import { DEMO_CANDIDATE_IDS as C } from './demo-candidates';
import { DEMO_JOB_IDS as J } from './demo-jobs';
import { DEMO_USER_IDS as U } from './demo-users';

const jordan = U.recruiter1;
const sofia = U.recruiter2;
const priya = U.hiringManager;

/**
 * The design, data, customer success and marketing pipelines: an offer declined for a counter-offer,
 * an offer still in draft, and an internship cancelled before anyone was screened.
 */
export const BUSINESS_APPLICATION_PLANS: readonly ApplicationPlan[] = [
  {
    jobId: J.productDesigner,
    candidateId: C.aishaBello,
    stages: [
      move(
        'applied',
        sofia,
        38,
        10,
        'Careers page application; cover letter about designing for handheld scanners.',
      ),
      move(
        'screening',
        sofia,
        35,
        13,
        'Hannah liked the portfolio: real research, real trade-offs. Screen booked.',
      ),
      move('interview', sofia, 30, 15, 'Warm, sharp screen. Portfolio presentation with Hannah in Berlin.'),
    ],
  },
  {
    jobId: J.productDesigner,
    candidateId: C.nadiaPetrova,
    stages: [
      move('applied', sofia, 17, 11, 'Referral from Hannah Weber.'),
      move('screening', sofia, 13, 10, 'Portfolio strong on accessibility. Screen booked for next week.'),
    ],
  },
  {
    jobId: J.productDesigner,
    candidateId: C.isabellaRossi,
    stages: [
      move('applied', sofia, 42, 9, 'Sourced on LinkedIn.'),
      move('screening', sofia, 40, 14, 'Senior, wants more ownership than she has at Vela. Screen booked.'),
      move('interview', sofia, 36, 10, 'Excellent screen. Onsite with Hannah.'),
      move('offer', priya, 25, 16, 'Hannah strong yes. Offer approved.'),
      move('rejected', sofia, 19, 9, 'Isabella called: Vela matched the offer and she is staying.'),
    ],
    rejection: {
      reason: 'offer-declined',
      note: 'Parted on good terms. Contact her first for the next senior design role.',
    },
    offer: {
      baseSalary: 78_000,
      currency: 'EUR',
      bonusPct: 8,
      startInDays: 30,
      deadlineInDays: -18,
      status: 'declined',
    },
  },
  {
    jobId: J.dataAnalyst,
    candidateId: C.emilyCarter,
    stages: [
      move('applied', sofia, 26, 10, 'Sourced on LinkedIn: three years of insurance pricing.'),
      move('screening', sofia, 23, 15, 'Screen booked.'),
      move('interview', sofia, 19, 11, 'Clear, numerate, asks good questions. SQL case study with Marcus.'),
    ],
  },
  {
    jobId: J.dataAnalyst,
    candidateId: C.raviMenon,
    stages: [
      move('applied', sofia, 14, 9, 'Applied through the job board.'),
      move('screening', sofia, 11, 16, 'Strong dbt and pipeline background. Screen booked.'),
    ],
  },
  {
    jobId: J.dataAnalyst,
    candidateId: C.fatimaHaddad,
    stages: [
      move(
        'applied',
        sofia,
        3,
        10,
        'Second application through the careers page; also in the Customer Success pipeline.',
      ),
    ],
  },
  {
    jobId: J.customerSuccess,
    candidateId: C.jonasLindqvist,
    stages: [
      move('applied', sofia, 28, 9, 'Referred by Sofia: placed him at CargoLink years ago.'),
      move(
        'screening',
        sofia,
        25,
        14,
        'Six years with freight forwarders, fluent Dutch and German. Screen booked.',
      ),
      move('interview', sofia, 20, 10, 'Excellent screen. Hiring manager interview with Priya and Hannah.'),
      move(
        'offer',
        priya,
        6,
        15,
        'References excellent. Drafting the offer; finance to confirm the package.',
      ),
    ],
    offer: {
      baseSalary: 60_000,
      currency: 'EUR',
      bonusPct: 10,
      startInDays: 45,
      deadlineInDays: 14,
      status: 'draft',
    },
  },
  {
    jobId: J.customerSuccess,
    candidateId: C.fatimaHaddad,
    stages: [
      move('applied', jordan, 18, 10, 'Careers page application.'),
      move(
        'screening',
        jordan,
        15,
        11,
        'Handles escalations for container customers at PortBridge. Screen booked.',
      ),
    ],
  },
  {
    jobId: J.customerSuccess,
    candidateId: C.samuelOsei,
    stages: [
      move('applied', sofia, 10, 14, 'Careers page application. Junior for the role, but worth a call.'),
    ],
  },
  {
    jobId: J.marketingIntern,
    candidateId: C.samuelOsei,
    stages: [
      move('applied', sofia, 64, 10, 'Careers page application.'),
      move(
        'rejected',
        sofia,
        29,
        10,
        'Internship cancelled with the campaign it supported. Wrote to Samuel to apologise.',
      ),
    ],
    rejection: {
      reason: 'position-cancelled',
      note: 'Not a reflection on him; suggested he keep an eye on the careers page.',
    },
  },
];
