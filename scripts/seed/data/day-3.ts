// Day 3 (Saturday) of the demo programme: practice, families and community, and the closing panel.
import type { SeedSession } from './types';

const day = 2;

export const day3Sessions: SeedSession[] = [
  {
    slug: 'keynote-recovery-as-a-community-practice',
    title: 'Keynote: Recovery as a community practice',
    day,
    start: '09:00',
    minutes: 60,
    format: 'keynote',
    track: 'lived-experience',
    room: 'Main Hall',
    speakers: ['aroha-parata'],
    abstract:
      'Aroha Parata speaks about recovery as something held by whānau (extended family) and community as ' +
      'well as by the individual. Drawing on her work leading a peer-support team, she reflects on what ' +
      'services can learn from community practices of care.',
  },
  {
    slug: 'reading-a-neuroscience-paper',
    title: 'Reading a neuroscience paper: a workshop for clinicians',
    day,
    start: '10:00',
    minutes: 90,
    format: 'workshop',
    track: 'neuroscience',
    room: 'Studio 1',
    speakers: ['jonas-becker', 'lan-nguyen'],
    capacity: 25,
    abstract:
      'Participants read a short published study on glutamate and relapse together and work out what it ' +
      'did and did not show: the model, the measurements, the statistics and the leap to humans. Aimed at ' +
      'clinicians who want to judge research headlines for themselves.',
  },
  {
    slug: 'glutamate-hypothesis-in-clinical-studies',
    title: 'The glutamate hypothesis in clinical studies: what has been tested so far',
    day,
    start: '10:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['eva-novakova'],
    abstract:
      'Several compounds acting on the cystine-glutamate exchanger or on metabotropic glutamate receptors ' +
      'have been investigated in people. This talk surveys those studies, explains why their results have been ' +
      'mixed, and discusses what would be needed before any conclusion could be drawn.',
  },
  {
    slug: 'online-peer-support',
    title: 'Online peer support: what digital communities offer and where they fall short',
    day,
    start: '10:30',
    minutes: 45,
    format: 'talk',
    track: 'lived-experience',
    room: 'IJ Room',
    speakers: ['james-whitfield'],
    abstract:
      'Online recovery communities are open at three in the morning, which is part of their appeal. A ' +
      'moderator of several such communities discusses what members say they value, the risks of anonymity ' +
      'and misinformation, and how moderators handle crises.',
  },
  {
    slug: 'from-the-lab-to-the-consulting-room',
    title: 'From the lab to the consulting room: using neuroscience in everyday practice',
    day,
    start: '11:30',
    minutes: 60,
    format: 'panel',
    track: 'clinical-practice',
    room: 'Main Hall',
    speakers: ['ana-souza', 'pieter-van-den-berg', 'ingrid-lindqvist', 'eva-novakova'],
    abstract:
      'Researchers and clinicians discuss whether, and how, findings about glutamate and dopamine should ' +
      'appear in conversations with clients. The panel considers when a brain explanation helps a person make ' +
      'sense of cravings and when it risks sounding like a verdict.',
  },
  {
    slug: 'sex-and-gender-in-relapse-research',
    title: 'Sex and gender in relapse research',
    day,
    start: '11:30',
    minutes: 45,
    format: 'talk',
    track: 'neuroscience',
    room: 'Amstel Room',
    speakers: ['marie-dubois'],
    abstract:
      'Much relapse research was long done in male animals and mostly male study groups. This talk ' +
      'summarises what has been learned since researchers began studying sex and gender differences in stress ' +
      'responses and drug seeking, and which findings have not held up.',
  },
  {
    slug: 'community-reinforcement-and-family-training-overview',
    title: 'Community reinforcement and family training: an overview for practitioners',
    day,
    start: '11:30',
    minutes: 45,
    format: 'talk',
    track: 'families-communities',
    room: 'IJ Room',
    speakers: ['tomasz-kowalski'],
    abstract:
      'Community reinforcement and family training (CRAFT) is an approach that works with relatives ' +
      'rather than with the person who uses substances. This overview describes its components, how it has ' +
      'been studied, and the practical questions services face when offering it.',
  },
  {
    slug: 'peer-support-meeting-saturday',
    title: 'Peer-support meeting (Saturday)',
    day,
    start: '12:30',
    minutes: 60,
    format: 'support_meeting',
    track: 'lived-experience',
    room: 'Studio 2',
    speakers: ['marit-jansen'],
    visibility: 'attendees',
    abstract:
      'A confidential, facilitated peer-support meeting for registered attendees in recovery or affected by ' +
      'addiction. There is no recording and no attendance list; come and go as you need.',
  },
  {
    slug: 'recognising-and-responding-to-an-overdose',
    title: 'Recognising and responding to an overdose: a practical session',
    day,
    start: '13:30',
    minutes: 90,
    format: 'workshop',
    track: 'clinical-practice',
    room: 'Studio 1',
    speakers: ['daniel-cohen'],
    capacity: 20,
    contentNote: 'Discusses overdose, including scenarios in which someone dies.',
    abstract:
      'A hands-on session on recognising the signs of an opioid overdose and the steps of a first ' +
      'response as described in current first-aid guidance, practised on training manikins. The session also ' +
      'covers looking after yourself afterwards.',
  },
  {
    slug: 'relapse-prevention-programmes-compared',
    title: 'Relapse-prevention programmes compared: what the studies measure',
    day,
    start: '14:00',
    minutes: 45,
    format: 'talk',
    track: 'clinical-practice',
    room: 'Main Hall',
    speakers: ['carlos-mendoza'],
    abstract:
      'Studies of relapse-prevention programmes measure different things: days of use, time to first ' +
      'lapse, quality of life, staying in contact with services. This talk compares the outcome measures used ' +
      'across published studies and what each does and does not tell a service choosing a programme.',
  },
  {
    slug: 'stigma-at-the-kitchen-table',
    title: 'Stigma at the kitchen table: families, shame and speaking up',
    day,
    start: '14:00',
    minutes: 45,
    format: 'talk',
    track: 'families-communities',
    room: 'Amstel Room',
    speakers: ['hannah-schmidt'],
    abstract:
      'Relatives often carry shame of their own and keep silent for years. Speaking as a mother and ' +
      'network co-founder, Hannah Schmidt discusses how families experience stigma and what changed when ' +
      'parents in her network began to talk about it openly.',
  },
  {
    slug: 'returning-to-work',
    title: 'Returning to work: conversations with employers',
    day,
    start: '14:00',
    minutes: 45,
    format: 'talk',
    track: 'lived-experience',
    room: 'IJ Room',
    speakers: ['thabo-dlamini', 'rahul-mehta'],
    abstract:
      'A peer-support worker and a psychiatrist who advises workplace programmes discuss returning to ' +
      'work during recovery: what to disclose and to whom, and which adjustments people have asked for. ' +
      'They also look at how employers can make it easier to ask for support.',
  },
  {
    slug: 'writing-your-recovery-story',
    title: 'Writing your recovery story',
    day,
    start: '14:00',
    minutes: 75,
    format: 'workshop',
    track: 'lived-experience',
    room: 'Studio 2',
    speakers: ['sofia-rossi'],
    capacity: 12,
    abstract:
      'A writing workshop for people in recovery and family members who want to put their experience into ' +
      'words, for themselves or for others. Nothing written needs to be shared, and participants decide what, ' +
      'if anything, to read aloud.',
  },
  {
    slug: 'closing-panel-what-we-take-home',
    title: 'Closing panel: what we take home',
    day,
    start: '15:30',
    minutes: 60,
    format: 'panel',
    track: null,
    room: 'Main Hall',
    speakers: ['pieter-van-den-berg', 'amara-okafor', 'siobhan-oneill', 'grace-mensah'],
    abstract:
      'Speakers from the neuroscience, clinical, lived-experience and family tracks reflect on what they ' +
      'heard over three days and where the perspectives met or did not. The conversation closes with the ' +
      'questions they would like the next conference to take up.',
  },
];
