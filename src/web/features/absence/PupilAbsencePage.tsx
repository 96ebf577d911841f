import { PageHeading } from '../../components/page.js';

/** A pupil's absence: register an episode, the open case, earlier cases (helper C). */
export default function PupilAbsencePage() {
  return <PageHeading>PupilAbsencePage</PageHeading>;
}
