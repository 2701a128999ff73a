import type { idLeads } from '../id/leads';

/** English: the leads pipeline's refusals and the follow-up reminders. */
export const enLeads = {
  'leads.assignOthers': 'Staff can only take a lead for themselves. Ask a manager to hand leads to others.',
  'leads.notYours': 'Someone else holds this lead. Ask a manager if it needs changing.',
  'leads.channelTwice': 'Channel "{{name}}" is listed twice.',
  'leads.deleted': 'This lead was deleted. Restore it first to change it.',
  'leads.noWonStage': 'The pipeline has no "won" stage. Add one in Settings → Leads.',
  'leads.phoneCustomer': 'This number belongs to customer {{name}} ({{code}}). Save it as a lead anyway?',
  'leads.phoneLead': 'Lead {{name}} ({{code}}) already has this number. Open that lead instead.',
  'leads.reasonLost': 'Say why this lead was lost ("{{stage}}").',
  'leads.reasonBack': 'Say why the lead goes back to "{{stage}}".',
  'leads.sourcePrefix': 'Lead {{code}}',
  'leads.stageInUse': 'Stage "{{stage}}" still holds leads. Move them first.',
  'leads.stagesShape': 'The first stage must be an open one, and the pipeline needs exactly one won and one lost stage.',
  'leads.unknownChannel': 'Unknown channel. Pick one from the list.',
  'leads.unknownOwner': 'Unknown or inactive user.',
  'leads.unknownStage': 'Unknown stage. Pick one from the list.',
  'reminders.osTitle': 'Follow-ups due',
  'reminders.osMany': '{{what}} — {{n}} follow-ups due.',
  'reminders.osNoName': 'No name',
} satisfies Record<keyof typeof idLeads, string>;
