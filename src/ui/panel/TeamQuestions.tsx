import { useState } from 'preact/hooks';
import { send } from '../../protocol/client';
import { getRecords } from '../../store/records';
import { syncWithTeam } from '../../sync/live-sync';
import type { Contradiction } from '../../sync/decisions';
import { useTeamSync } from '../shared/use-team-sync';
import { useLiveQuery } from '../shared/use-live-query';
import { connectorLabel } from '../shared/labels';
import { parseRecordKey } from '../../model/keys';

/**
 * Two team members decided about the same two records at the same time, one "same person", the
 * other "not the same": the later one stands for now, and the question stays here until someone
 * answers it again, seeing both.
 */
export function TeamQuestions() {
  const team = useTeamSync();
  // No status is read without a team set up (useTeamSync), so no team means no questions.
  const questions = team?.status?.contradictions ?? [];
  if (!questions.length) return null;
  return (
    <section class="notice compact" aria-labelledby="team-questions-title" data-testid="team-questions">
      <strong id="team-questions-title">{questions.length === 1 ? 'Your team answered one question both ways' : `Your team answered ${questions.length} questions both ways`}</strong>
      {questions.map((question) => (
        <TeamQuestion key={`${question.a}|${question.b}`} question={question} />
      ))}
    </section>
  );
}

function TeamQuestion({ question }: { question: Contradiction }) {
  const [error, setError] = useState<string | null>(null);
  const records = useLiveQuery(() => getRecords([question.a, question.b]), [question.a, question.b]);
  const name = (key: string) => {
    const record = records?.find((r) => r.key === key);
    const tool = connectorLabel(parseRecordKey(key)?.connector ?? '');
    return record ? `${record.title} (${tool})` : `${tool} record ${parseRecordKey(key)?.id ?? key}`;
  };
  const answer = async (kind: 'merge' | 'split') => {
    const reply = await send('panel→background:setIdentityOverride', { a: question.a, b: question.b, kind });
    if (!reply.ok) setError(reply.error.message);
    else await syncWithTeam();
  };
  return (
    <div data-testid="team-question">
      <p>
        Are {name(question.a)} and {name(question.b)} the same person? One of you said {question.options.map((o) => (o.kind === 'merge' ? '“same”' : '“not the same”')).join(', the other ')}.
      </p>
      <div class="actions">
        <button type="button" onClick={() => void answer('merge')} data-testid="team-answer-merge">
          Same person
        </button>
        <button type="button" onClick={() => void answer('split')} data-testid="team-answer-split">
          Not the same
        </button>
      </div>
      {error && (
        <p class="notice error compact" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
