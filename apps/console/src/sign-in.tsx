import { useState } from 'preact/hooks';
import { gql, type Me, session } from './api.js';
import { t } from './i18n.js';
import { Field, Form, Section } from './ui.js';

const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken user { id username role baseId unionId regionId } } }';

export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <Section title={t('signin.title')} testId="sign-in">
      <Form
        submitLabel={t('signin.submit')}
        onSubmit={async () => {
          const { login } = await gql<{ login: { accessToken: string; user: Me } }>(LOGIN, { u: username.trim(), p: password });
          session.set(login.accessToken);
          onSignedIn(login.user);
        }}
      >
        <Field label={t('signin.username')} name="username" value={username} set={setUsername} required />
        <Field label={t('signin.password')} name="password" type="password" value={password} set={setPassword} required />
      </Form>
    </Section>
  );
}
