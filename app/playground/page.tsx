import type { Metadata } from 'next';
import { Playground } from '@/components/embeds/Playground';
import { lessonPresets, playgroundPresets } from '@/lib/content.server';

export const metadata: Metadata = {
  title: 'Playground',
  description:
    'A simulated Kafka cluster to poke at: stop brokers, produce records, add consumers, scrub back in time and share what you built.',
};

export default function PlaygroundPage() {
  return <Playground playgroundPresets={playgroundPresets()} lessonPresets={lessonPresets()} />;
}
