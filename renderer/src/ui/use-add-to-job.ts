import { useNavigate } from 'react-router';
import { newApplication } from '#shared/domain/application/application-commands';
import { useActor, useDb } from '../data/hooks/use-database';
import { saveDocument } from '../data/local-writes';

/**
 * The one way a candidate is added to a job, wherever it starts (the candidate's page or the job's):
 * a new application at applied, judged by the shared rules on this device, then its page. Answers
 * why it could not be added, or null once it was.
 */
export function useAddToJob(): (jobId: string, candidateId: string) => Promise<string | null> {
  const db = useDb();
  const actor = useActor();
  const navigate = useNavigate();
  return async (jobId, candidateId) => {
    const application = newApplication(jobId, candidateId, actor, { at: new Date() });
    if (await db.applications.findOne(application.id).exec()) {
      return 'This candidate already applied to this job.';
    }
    const decision = await saveDocument(db, actor, 'applications', null, application);
    if (!decision.ok) return decision.message;
    void navigate(`/applications/${application.id}`);
    return null;
  };
}
