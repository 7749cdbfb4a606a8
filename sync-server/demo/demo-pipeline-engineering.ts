import { move, type ApplicationPlan } from './demo-applications';
import { DEMO_CANDIDATE_IDS as C } from './demo-candidates';
import { DEMO_JOB_IDS as J } from './demo-jobs';
import { DEMO_USER_IDS as U } from './demo-users';

const jordan = U.recruiter1;
const priya = U.hiringManager;

/**
 * The engineering pipelines: the Senior Backend Engineer role everyone is talking about, the frontend
 * role paused on hold, and the QA role filled by a referral.
 */
export const ENGINEERING_APPLICATION_PLANS: readonly ApplicationPlan[] = [
  {
    jobId: J.seniorBackend,
    candidateId: C.mayaOkafor,
    stages: [
      move('applied', jordan, 35, 10, 'Sourced on LinkedIn; replied within the hour and sent her CV.'),
      move(
        'screening',
        jordan,
        33,
        14,
        'CV review: eight years, led a monolith split and a Kafka migration. Screen booked.',
      ),
      move(
        'interview',
        jordan,
        29,
        11,
        'Great screen; expectations fit the band. Technical interview with Daniel and Marcus.',
      ),
      move(
        'offer',
        priya,
        12,
        16,
        'Unanimous debrief after the technical and hiring manager rounds. Offer approved.',
        140,
      ),
    ],
    offer: {
      baseSalary: 100_000,
      currency: 'EUR',
      bonusPct: 10,
      equity: '0.05% over four years, one-year cliff',
      startInDays: 95,
      deadlineInDays: 3,
      status: 'extended',
    },
  },
  {
    jobId: J.seniorBackend,
    candidateId: C.tomasHerrera,
    stages: [
      move(
        'applied',
        jordan,
        30,
        9,
        'Invited over from the QA pipeline: a backend engineer, relocating to Berlin.',
      ),
      move(
        'screening',
        jordan,
        27,
        15,
        'Screen booked; comfortable with the band, can start in three months.',
      ),
      move(
        'interview',
        jordan,
        22,
        10,
        'Solid screen, good testing habits. Technical interview with Marcus.',
      ),
    ],
  },
  {
    jobId: J.seniorBackend,
    candidateId: C.chloeDubois,
    stages: [
      move('applied', jordan, 48, 10, 'Submitted by TalentBridge Partners.'),
      move('screening', jordan, 45, 13, 'Agency notes look good; our own screen booked.'),
      move(
        'interview',
        jordan,
        40,
        16,
        'Screen confirmed strong Node and React. Technical interview with Daniel.',
      ),
      move(
        'rejected',
        jordan,
        34,
        11,
        'Debrief with Daniel: below the bar on distributed systems for this level.',
        95,
      ),
    ],
    rejection: {
      reason: 'below-technical-bar',
      note: 'Strong frontend and product sense. Asked TalentBridge whether she would consider the frontend role.',
    },
  },
  {
    jobId: J.seniorBackend,
    candidateId: C.weiZhang,
    stages: [
      move('applied', jordan, 12, 9, 'Met Daniel at the Berlin Go meetup and sent his CV the same evening.'),
      move('screening', jordan, 10, 14, 'Payments background, wants more product impact. Screen booked.'),
      move('interview', jordan, 6, 11, 'Very good screen. Technical interview with Marcus.'),
    ],
  },
  {
    jobId: J.seniorBackend,
    candidateId: C.oliverGrant,
    stages: [
      move(
        'applied',
        jordan,
        4,
        10,
        'Applied through the job board. Likely mid-level for this role; review against the frontend pipeline.',
      ),
    ],
  },
  {
    jobId: J.seniorBackend,
    candidateId: C.kenjiWatanabe,
    stages: [
      move(
        'applied',
        jordan,
        5,
        15,
        'Asked to be considered while the frontend role is on hold; two years of Node.js services.',
      ),
    ],
  },
  {
    jobId: J.seniorBackend,
    candidateId: C.raviMenon,
    stages: [
      move(
        'applied',
        jordan,
        8,
        12,
        'Passed on by Sofia from the pricing analyst pipeline: wants to move towards backend.',
      ),
    ],
  },
  {
    jobId: J.frontend,
    candidateId: C.kenjiWatanabe,
    stages: [
      move('applied', jordan, 30, 11, 'Sourced on LinkedIn: built the offline ticket wallet at Mobilo.'),
      move('screening', jordan, 27, 10, 'Exactly the offline-first experience we need. Screen booked.'),
      move('interview', jordan, 21, 16, 'Excellent screen. Technical interview with Daniel.'),
    ],
  },
  {
    jobId: J.frontend,
    candidateId: C.oliverGrant,
    stages: [
      move('applied', jordan, 20, 9, 'Applied through the job board.'),
      move('screening', jordan, 16, 14, 'Led a Vue-to-React migration at Nordlicht. Screen booked.'),
    ],
  },
  {
    jobId: J.frontend,
    candidateId: C.chloeDubois,
    stages: [
      move(
        'applied',
        jordan,
        9,
        10,
        'Re-submitted by TalentBridge Partners for the frontend role after the backend debrief.',
      ),
    ],
  },
  {
    jobId: J.qa,
    candidateId: C.tomasHerrera,
    stages: [
      move('applied', jordan, 74, 10, 'LinkedIn Easy Apply.'),
      move(
        'screening',
        jordan,
        73,
        11,
        'CV review: strong backend engineer, little dedicated QA experience. Quick call booked.',
      ),
      move('rejected', jordan, 71, 15, 'Call confirmed he wants to build services, not test suites.'),
    ],
    rejection: {
      reason: 'wrong-role',
      note: 'Promised to contact him when the Senior Backend Engineer role opens.',
    },
  },
  {
    jobId: J.qa,
    candidateId: C.lenaFischer,
    stages: [
      move('applied', jordan, 70, 10, 'Referral from Daniel Kim, who worked with her at Paywise.'),
      move('screening', jordan, 67, 15, 'Strong Playwright background. Screen booked.'),
      move('interview', jordan, 62, 9, 'Great screen. Technical interview with Daniel and Hannah.'),
      move('offer', priya, 50, 17, 'Both interviewers strong yes. Offer approved.'),
      move('hired', priya, 40, 11, 'Signed contract received. The role is filled; closing the job.'),
    ],
    offer: {
      baseSalary: 64_000,
      currency: 'EUR',
      bonusPct: 5,
      startInDays: -10,
      deadlineInDays: -40,
      status: 'accepted',
    },
  },
];
