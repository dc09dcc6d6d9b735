import { useState } from 'preact/hooks';
import { gql } from '../../api.js';
import { t, words } from '../../i18n.js';
import { ActionButton, Field, Form, Section } from '../../ui.js';
import type { RosterBatch } from './rooming-list.js';

words({
  'org.people': ['名单人员', 'People on the list'],
  'org.people.none': ['名单还是空的：逐个添加，或上传表格。', 'The list is empty: add people one by one, or upload a spreadsheet.'],
  'org.people.add': ['添加人员', 'Add a person'],
  'org.people.edit': ['修改 {name}', 'Change {name}'],
  'org.people.editBtn': ['修改', 'Change'],
  'org.people.remove': ['移除', 'Remove'],
  'org.people.added': ['已添加', 'Added'],
  'org.people.saved': ['已保存', 'Saved'],
  'org.people.keep': ['不改请留空（现为 {masked}）', 'Leave empty to keep ({masked})'],
  'org.people.leader': ['领队', 'Team leader'],
  'person.name': ['姓名', 'Name'],
  'person.gender': ['性别', 'Gender'],
  'person.documentType': ['证件类型', 'Document'],
  'person.idNumber': ['证件号码', 'ID number'],
  'person.phone': ['手机号', 'Phone'],
  'person.employer': ['工作单位', 'Employer'],
  'person.category': ['类别', 'Category'],
  'person.dietaryNeeds': ['饮食禁忌', 'Dietary needs'],
  'person.room': ['房间', 'Room'],
  'gender.MALE': ['男', 'Male'],
  'gender.FEMALE': ['女', 'Female'],
  'doc.MAINLAND_ID': ['居民身份证', 'Resident ID card'],
  'doc.HOME_RETURN_PERMIT': ['回乡证', 'Home Return Permit'],
  'doc.TAIWAN_PERMIT': ['台胞证', 'Taiwan compatriot permit'],
  'doc.PASSPORT': ['护照', 'Passport'],
  'category.FRONTLINE_WORKER': ['一线职工', 'Frontline worker'],
  'category.MODEL_WORKER': ['劳模', 'Model worker'],
  'category.OTHER': ['其他', 'Other'],
});

export interface Person {
  id: number;
  name: string;
  gender: string;
  documentType: string;
  idNumberMasked: string;
  phoneMasked: string;
  employer: string;
  category: string;
  dietaryNeeds: string | null;
  room: string | null;
  teamLeader: boolean;
}

const ADD = 'mutation($b:Int!,$p:[ParticipantInput!]!){ addParticipants(batchId:$b, participants:$p){ id } }';
const UPDATE = 'mutation($id:Int!,$i:UpdateParticipantInput!){ updateParticipant(id:$id, input:$i){ id } }';
const REMOVE = 'mutation($id:Int!){ removeParticipant(id:$id){ id } }';

export function RosterPeople({ batch, onChanged }: { batch: RosterBatch; onChanged: () => void }) {
  const [editing, setEditing] = useState<Person | null>(null);
  return (
    <>
      <Section title={`${t('org.people')} (${batch.participants.length})`} testId="roster-people">
        {batch.participants.length ? null : <p class="muted">{t('org.people.none')}</p>}
        <ul class="cards people">
          {batch.participants.map((p) => (
            <li key={p.id} class="item person" data-testid={`person-${p.name}`}>
              <div class="person-who">
                <strong>{p.name}</strong> · {t(`gender.${p.gender}`)} · {t(`category.${p.category}`)}
                {p.teamLeader ? ` · ${t('org.people.leader')}` : ''}
                {p.room ? ` · ${t('person.room')} ${p.room}` : ''}
              </div>
              <div class="muted person-papers">
                {t(`doc.${p.documentType}`)} <span data-testid="id-masked">{p.idNumberMasked}</span> · <span data-testid="phone-masked">{p.phoneMasked}</span> · {p.employer}
                {p.dietaryNeeds ? ` · ${p.dietaryNeeds}` : ''}
              </div>
              <div class="row person-actions">
                <button type="button" data-testid="person-edit" onClick={() => setEditing(p)}>
                  {t('org.people.editBtn')}
                </button>
                <ActionButton
                  label={t('org.people.remove')}
                  kind="danger"
                  testId="person-remove"
                  run={async () => {
                    await gql(REMOVE, { id: p.id });
                    if (editing?.id === p.id) setEditing(null);
                    onChanged();
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      </Section>
      {editing ? (
        <PersonForm
          key={`edit-${editing.id}`}
          batchId={batch.id}
          person={editing}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <PersonForm key="add" batchId={batch.id} person={null} onSaved={onChanged} />
      )}
    </>
  );
}

/** Adds a person, or changes one: a changed person sends only what was changed (ID number and phone stay masked unless retyped). */
function PersonForm({ batchId, person, onSaved, onCancel }: { batchId: number; person: Person | null; onSaved: () => void; onCancel?: () => void }) {
  const [name, setName] = useState(person?.name ?? '');
  const [gender, setGender] = useState(person?.gender ?? 'MALE');
  const [documentType, setDocumentType] = useState(person?.documentType ?? 'MAINLAND_ID');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [employer, setEmployer] = useState(person?.employer ?? '');
  const [category, setCategory] = useState(person?.category ?? 'FRONTLINE_WORKER');
  const [dietaryNeeds, setDietaryNeeds] = useState(person?.dietaryNeeds ?? '');
  const [room, setRoom] = useState(person?.room ?? '');
  const save = async () => {
    if (!person) {
      const input = { name, gender, documentType, idNumber, phone, employer, category, dietaryNeeds: dietaryNeeds || null, room: room || null };
      await gql(ADD, { b: batchId, p: [input] });
      setName('');
      setIdNumber('');
      setPhone('');
      setRoom('');
      setDietaryNeeds('');
    } else {
      const changed: Record<string, string | null> = {};
      const keep = (key: string, now: string, was: string | null) => now !== (was ?? '') && (changed[key] = now || null);
      keep('name', name, person.name);
      keep('gender', gender, person.gender);
      keep('documentType', documentType, person.documentType);
      keep('employer', employer, person.employer);
      keep('category', category, person.category);
      keep('dietaryNeeds', dietaryNeeds, person.dietaryNeeds);
      keep('room', room, person.room);
      if (idNumber) changed.idNumber = idNumber;
      if (phone) changed.phone = phone;
      await gql(UPDATE, { id: person.id, i: changed });
    }
    onSaved();
  };
  const select = (label: string, name: string, value: string, set: (v: string) => void, values: string[], prefix: string) => (
    <label class="field">
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => set(e.currentTarget.value)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}.${v}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Section title={person ? t('org.people.edit', { name: person.name }) : t('org.people.add')} testId={person ? 'person-edit-form' : 'person-add-form'}>
      <Form onSubmit={save} submitLabel={t('common.save')} done={t(person ? 'org.people.saved' : 'org.people.added')}>
        <div class="row person-fields">
          <Field label={t('person.name')} name="name" value={name} set={setName} required />
          {select(t('person.gender'), 'gender', gender, setGender, ['MALE', 'FEMALE'], 'gender')}
          {select(t('person.documentType'), 'documentType', documentType, setDocumentType, ['MAINLAND_ID', 'HOME_RETURN_PERMIT', 'TAIWAN_PERMIT', 'PASSPORT'], 'doc')}
          <label class="field">
            <span>{t('person.idNumber')}</span>
            <input
              name="idNumber"
              value={idNumber}
              required={!person}
              placeholder={person ? t('org.people.keep', { masked: person.idNumberMasked }) : ''}
              onInput={(e) => setIdNumber(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('person.phone')}</span>
            <input
              name="phone"
              type="tel"
              value={phone}
              required={!person}
              placeholder={person ? t('org.people.keep', { masked: person.phoneMasked }) : ''}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          </label>
          <Field label={t('person.employer')} name="employer" value={employer} set={setEmployer} required />
          {select(t('person.category'), 'category', category, setCategory, ['FRONTLINE_WORKER', 'MODEL_WORKER', 'OTHER'], 'category')}
          <Field label={t('person.dietaryNeeds')} name="dietaryNeeds" value={dietaryNeeds} set={setDietaryNeeds} />
          <Field label={t('person.room')} name="room" value={room} set={setRoom} />
        </div>
      </Form>
      {onCancel ? (
        <button type="button" class="link" onClick={onCancel} data-testid="person-edit-cancel">
          {t('common.cancel')}
        </button>
      ) : null}
    </Section>
  );
}
