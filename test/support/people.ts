import { mainlandIdCheckDigit } from '@app/roster';
import { addDays } from '@app/shared';

/** A valid resident ID number, different for every n (birth date and sequence vary), of the given sex. */
export function mainlandId(n: number, sex: 'MALE' | 'FEMALE' = 'MALE', region = '440102'): string {
  const birth = addDays('1965-01-01', n % 12000).replace(/-/g, '');
  const seq = (Math.floor(n / 12000) % 500) * 2 + (sex === 'MALE' ? 1 : 0);
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + mainlandIdCheckDigit(first17);
}

export function phone(n: number): string {
  return `139${String(n).padStart(8, '0')}`;
}

/** The n-th test person, as ParticipantInput. */
export function person(n: number, extra: Record<string, unknown> = {}) {
  const gender = n % 3 === 0 ? 'FEMALE' : 'MALE';
  return {
    name: `测试${n}号`,
    gender,
    documentType: 'MAINLAND_ID',
    idNumber: mainlandId(n, gender),
    phone: phone(n),
    employer: '广州市白云区总工会',
    category: n % 5 === 0 ? 'MODEL_WORKER' : 'FRONTLINE_WORKER',
    dietaryNeeds: n % 7 === 0 ? '清真' : null,
    room: `R${Math.floor(n / 2)}`,
    ...extra,
  };
}

export const ADD_PARTICIPANTS = 'mutation($b:Int!,$p:[ParticipantInput!]!){addParticipants(batchId:$b,participants:$p){id name idNumberMasked phoneMasked}}';
