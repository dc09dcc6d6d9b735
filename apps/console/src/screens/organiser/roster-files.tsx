import { useState } from 'preact/hooks';
import { download, FileRouteError, uploadFile } from '../../api.js';
import { currentLang, t, words } from '../../i18n.js';
import { ActionButton, ErrorBox, Section } from '../../ui.js';
import type { RosterBatch } from './rooming-list.js';

words({
  'org.files': ['表格导入 / 导出', 'Spreadsheets'],
  'org.files.hint': [
    '第一行为表头：姓名、性别、证件类型、证件号码、手机号、工作单位、类别、饮食禁忌、房间。.xlsx 或 .csv，最大 10 MB；有一行出错则整份不导入。',
    'First row the headers: 姓名, 性别, 证件类型, 证件号码, 手机号, 工作单位, 类别, 饮食禁忌, 房间 (or their English names). .xlsx or .csv up to 10 MB; one bad row and nothing is imported.',
  ],
  'org.files.file': ['选择文件', 'File'],
  'org.files.mode': ['导入方式', 'Mode'],
  'org.files.replace': ['替换整份名单', 'Replace the list'],
  'org.files.append': ['追加到名单', 'Add to the list'],
  'org.files.upload': ['上传', 'Upload'],
  'org.files.pickFirst': ['请先选择文件', 'Choose a file first'],
  'org.files.imported': ['已导入 {imported} 人，名单现有 {count} 人', '{imported} imported; the list has {count} people'],
  'org.files.ignored': ['未读取的列：{columns}', 'Columns not read: {columns}'],
  'org.files.row': ['第 {row} 行', 'Row {row}'],
  'org.files.download': ['下载名单', 'Download the list'],
  'org.files.byRoom': ['按房间排序（给基地前台）', 'By room (for the front desk)'],
});

interface ImportResult {
  imported: number;
  participantCount: number;
  ignoredColumns: string[];
}

export function RosterFiles({ batch, onImported }: { batch: RosterBatch; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'replace' | 'append'>('replace');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async (event: Event) => {
    event.preventDefault();
    setResult(null);
    setError(null);
    if (!file) return setError(new Error(t('org.files.pickFirst')));
    setBusy(true);
    try {
      setResult(await uploadFile<ImportResult>(`/batches/${batch.id}/participants/import?mode=${mode}`, file));
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const rows = error instanceof FileRouteError ? error.rows : [];
  const get = (name: string, format: 'csv' | 'xlsx') => () => download(`/batches/${batch.id}/${name}.${format}?lang=${currentLang()}`, `${batch.reference}-${name}.${format}`);
  return (
    <Section title={t('org.files')} testId="roster-files">
      <p class="muted">{t('org.files.hint')}</p>
      <form class="form" onSubmit={(e) => void send(e)} data-testid="roster-upload">
        <div class="row">
          <label class="field">
            <span>{t('org.files.file')}</span>
            <input
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </label>
          <label class="field">
            <span>{t('org.files.mode')}</span>
            <select name="mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as 'replace' | 'append')}>
              <option value="replace">{t('org.files.replace')}</option>
              <option value="append">{t('org.files.append')}</option>
            </select>
          </label>
          <button type="submit" class="primary" disabled={busy}>
            {t('org.files.upload')}
          </button>
        </div>
        {result ? (
          <p class="ok" data-testid="upload-result">
            {t('org.files.imported', { imported: result.imported, count: result.participantCount })}
            {result.ignoredColumns.length ? ` · ${t('org.files.ignored', { columns: result.ignoredColumns.join('、') })}` : ''}
          </p>
        ) : null}
        <ErrorBox error={error} />
        {rows.length ? (
          <table class="row-problems" data-testid="upload-rows">
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.row}|${r.column}`} data-row={r.row}>
                  <td>{t('org.files.row', { row: r.row })}</td>
                  <td>{r.column}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </form>
      <div class="row downloads">
        <span>{t('org.files.download')}:</span>
        <ActionButton label="CSV" testId="download-csv" run={get('participants', 'csv')} />
        <ActionButton label="Excel (.xlsx)" testId="download-xlsx" run={get('participants', 'xlsx')} />
        <ActionButton label={`${t('org.files.byRoom')} .xlsx`} testId="download-rooms" run={get('rooming-list', 'xlsx')} />
      </div>
    </Section>
  );
}
