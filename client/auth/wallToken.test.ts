import { expect, test } from 'vitest';
import { takeWallToken, wallLink } from './wallToken.js';

test('takes the token out of a fragment that holds only it', () => {
  expect(takeWallToken('#wall-token=abcDEF123_-xyz')).toEqual({ token: 'abcDEF123_-xyz', rest: '' });
});

test('keeps the rest of the fragment', () => {
  expect(takeWallToken('#x=1&wall-token=tok&y=2')).toEqual({ token: 'tok', rest: '#x=1&y=2' });
});

test('leaves a fragment without a token alone', () => {
  expect(takeWallToken('#section')).toEqual({ token: null, rest: '#section' });
  expect(takeWallToken('')).toEqual({ token: null, rest: '' });
});

test('an empty token is no token, but is still removed from the URL', () => {
  expect(takeWallToken('#wall-token=')).toEqual({ token: null, rest: '' });
  expect(takeWallToken('#wall-token=%20%20')).toEqual({ token: null, rest: '' });
});

test('decodes what wallLink encodes', () => {
  const token = 'a+b/c=d';
  const link = wallLink('http://10.0.0.5:8080/', token);
  expect(link).toBe('http://10.0.0.5:8080/#wall-token=a%2Bb%2Fc%3Dd');
  expect(takeWallToken(new URL(link).hash).token).toBe(token);
});
