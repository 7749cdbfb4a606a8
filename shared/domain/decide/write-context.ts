import type { ApplicationWriteContext } from '../application/application-rules';
import type { CandidateWriteContext } from '../candidate/candidate-rules';
import type { InterviewWriteContext } from '../interview/interview-rules';
import type { MessageWriteContext } from '../message/message-rules';
import type { CommentWriteContext } from '../comment/comment-rules';

/**
 * What any write is judged against beyond the document itself: what each aggregate's rules ask for
 * (`ApplicationWriteContext`, …), together. The server fills it from the store (current versions,
 * not what the client believes), the app from its local database. A lookup a rule needs but finds
 * missing is a refusal (`not_found`), never a pass.
 */
export type WriteContext = ApplicationWriteContext &
  CandidateWriteContext &
  InterviewWriteContext &
  MessageWriteContext &
  CommentWriteContext;
