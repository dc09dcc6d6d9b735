import { DocumentType } from '../participant/identity-document.js';
import type { ParticipantField } from '../participant/participant-check.js';
import { Gender, ParticipantCategory } from '../participant/participant.entity.js';

export type SheetLanguage = 'zh' | 'en';

export interface RosterColumn {
  key: ParticipantField;
  zh: string;
  en: string;
  /** Other headers people use for it; compared case- and space-insensitively. */
  aliases: string[];
  required: boolean;
}

/** The rooming list's columns, in the order they are written. */
export const ROSTER_COLUMNS: RosterColumn[] = [
  { key: 'name', zh: '姓名', en: 'Name', aliases: ['full name'], required: true },
  { key: 'gender', zh: '性别', en: 'Gender', aliases: ['sex'], required: true },
  { key: 'documentType', zh: '证件类型', en: 'Document type', aliases: ['id type', 'document'], required: false },
  { key: 'idNumber', zh: '证件号码', en: 'ID number', aliases: ['身份证号', '身份证号码', 'document number', 'id no', 'id'], required: true },
  { key: 'phone', zh: '手机号', en: 'Phone', aliases: ['手机', '手机号码', '联系电话', '电话', 'mobile', 'phone number'], required: true },
  { key: 'employer', zh: '工作单位', en: 'Employer', aliases: ['单位', 'work unit', 'company'], required: true },
  { key: 'category', zh: '类别', en: 'Category', aliases: ['人员类别'], required: false },
  { key: 'dietaryNeeds', zh: '饮食禁忌', en: 'Dietary needs', aliases: ['dietary', 'diet', '饮食'], required: false },
  { key: 'room', zh: '房间', en: 'Room', aliases: ['房号', '同住'], required: false },
];

/** `姓名*`, `Name (required)`, ` ID  Number ` → comparable keys. */
export function normaliseLabel(label: string): string {
  return label
    .replace(/[（(][^)）]*[)）]/g, '')
    .replace(/[*＊:：]/g, '')
    .replace(/[\s_]+/g, '')
    .toLowerCase();
}

const HEADER_KEYS = new Map<string, RosterColumn>();
for (const column of ROSTER_COLUMNS) {
  for (const label of [column.zh, column.en, column.key, ...column.aliases]) HEADER_KEYS.set(normaliseLabel(label), column);
}

export function columnForHeader(header: string): RosterColumn | undefined {
  return HEADER_KEYS.get(normaliseLabel(header));
}

interface Labels<T extends string> {
  zh: Record<T, string>;
  en: Record<T, string>;
  aliases: Record<string, T>;
}

export const GENDER_LABELS: Labels<Gender> = {
  zh: { MALE: '男', FEMALE: '女' },
  en: { MALE: 'Male', FEMALE: 'Female' },
  aliases: { m: Gender.MALE, f: Gender.FEMALE, 男性: Gender.MALE, 女性: Gender.FEMALE },
};

export const DOCUMENT_LABELS: Labels<DocumentType> = {
  zh: { MAINLAND_ID: '居民身份证', HOME_RETURN_PERMIT: '港澳居民来往内地通行证', TAIWAN_PERMIT: '台湾居民来往大陆通行证', PASSPORT: '护照' },
  en: { MAINLAND_ID: 'Mainland ID', HOME_RETURN_PERMIT: 'Home return permit', TAIWAN_PERMIT: 'Taiwan permit', PASSPORT: 'Passport' },
  aliases: {
    身份证: DocumentType.MAINLAND_ID,
    居住证: DocumentType.MAINLAND_ID,
    idcard: DocumentType.MAINLAND_ID,
    residentid: DocumentType.MAINLAND_ID,
    回乡证: DocumentType.HOME_RETURN_PERMIT,
    台胞证: DocumentType.TAIWAN_PERMIT,
  },
};

export const CATEGORY_LABELS: Labels<ParticipantCategory> = {
  zh: { MODEL_WORKER: '劳模', FRONTLINE_WORKER: '一线职工', OTHER: '其他' },
  en: { MODEL_WORKER: 'Model worker', FRONTLINE_WORKER: 'Frontline worker', OTHER: 'Other' },
  aliases: { 劳动模范: ParticipantCategory.MODEL_WORKER, 一线: ParticipantCategory.FRONTLINE_WORKER, 一线工人: ParticipantCategory.FRONTLINE_WORKER },
};

/** A cell's text → the enum value, accepting the Chinese and English labels, the enum name and aliases. */
export function parseLabel<T extends string>(labels: Labels<T>, text: string): T | undefined {
  const key = normaliseLabel(text);
  for (const value of Object.keys(labels.zh) as T[]) {
    if ([labels.zh[value], labels.en[value], value].some((label) => normaliseLabel(label) === key)) return value;
  }
  return labels.aliases[key];
}

export function describeLabels<T extends string>(labels: Labels<T>): string {
  return (Object.keys(labels.zh) as T[]).map((v) => `${labels.zh[v]} / ${labels.en[v]}`).join(', ');
}
