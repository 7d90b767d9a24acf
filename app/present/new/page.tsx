import type { Metadata } from 'next';
import { ScenarioEditor } from '@/components/classroom/ScenarioEditor';

export const metadata: Metadata = {
  title: 'Record a classroom scenario',
  description:
    'Record a live Kafka demo step by step, then present it, share it as a link, or export it as JSON.',
};

export default function NewScenarioPage() {
  return <ScenarioEditor />;
}
