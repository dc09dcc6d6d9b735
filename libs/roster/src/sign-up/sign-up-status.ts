import { registerEnumType } from '@nestjs/graphql';

/** How the places of a batch open for sign-up are given out when it closes. */
export enum SignUpRule {
  FIRST_COME = 'FIRST_COME',
  NEVER_WENT_FIRST = 'NEVER_WENT_FIRST',
  LOTTERY = 'LOTTERY',
}

registerEnumType(SignUpRule, {
  name: 'SignUpRule',
  description: 'How the places of a batch open for sign-up (报名) are given out when it closes.',
  valuesMap: {
    FIRST_COME: { description: 'In order of arrival (seq).' },
    NEVER_WENT_FIRST: { description: 'Those who never went on a stay first, then those whose last stay (lastStayDate) is oldest; ties in order of arrival.' },
    LOTTERY: { description: 'A draw from the recorded seed: ordered by sha256("<seed>:<seq>") as hex, ascending, so anyone can re-check it.' },
  },
});

/** Where a sign-up (of a batch, or of a trip not yet booked) stands. */
export enum SignUpRoundStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  NOT_BOOKED = 'NOT_BOOKED',
}

registerEnumType(SignUpRoundStatus, {
  name: 'SignUpRoundStatus',
  description: 'Where a sign-up (of a batch, or of a trip not yet booked) stands.',
  valuesMap: {
    OPEN: { description: 'Taking sign-ups until the deadline.' },
    CLOSED: {
      description:
        'Closed (at the deadline or by the organiser): the rule chose who goes (on the rooming list) and the reserve. For a trip, it was booked then as a batch (batchId) for as many as were selected.',
    },
    NOT_BOOKED: {
      description:
        'A trip whose booking failed at the closing (notBookedCode and notBookedReason say why: beds gone, too few sign-ups, …): no batch was made and every sign-up still waiting became INELIGIBLE with that reason.',
    },
  },
});

/** Where one worker's sign-up stands. */
export enum SignUpStatus {
  SIGNED_UP = 'SIGNED_UP',
  SELECTED = 'SELECTED',
  RESERVE = 'RESERVE',
  INELIGIBLE = 'INELIGIBLE',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(SignUpStatus, {
  name: 'SignUpStatus',
  description: "Where a worker's sign-up stands.",
  valuesMap: {
    SIGNED_UP: { description: 'Signed up; waits for the sign-up to close.' },
    SELECTED: { description: 'Chosen by the rule: on the rooming list (participantId).' },
    RESERVE: { description: 'Not chosen (yet): in the reserve at reservePosition, moved up when a selected worker withdraws before the list freezes.' },
    INELIGIBLE: {
      description:
        'When the places were given out, the rooming list refused them (booked on an overlapping batch meanwhile, or over the yearly days), or the trip they signed up for could not be booked; history says why.',
    },
    WITHDRAWN: { description: 'Withdrew (a selected worker is taken off the rooming list and the first of the reserve moves up).' },
  },
});

export enum SignUpAction {
  SELECT = 'SELECT',
  RESERVE = 'RESERVE',
  PROMOTE = 'PROMOTE',
  REFUSE = 'REFUSE',
  WITHDRAW = 'WITHDRAW',
}
