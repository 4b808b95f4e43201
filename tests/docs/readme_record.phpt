--TEST--
README's record-key list (The record) is the key list, in order, of a real record: recordSuccess(), recordFailure() and RequestTracked::$request
--FILE--
<?php
require __DIR__ . '/docs.inc';
use Spectra\Spectra;

/* The paragraph after "all have these keys:"; notes in parentheses are not keys. */
$section = readme_section('### The record');
$list = strstr($section, 'these keys:');
$list = $list === false ? '' : substr($list, strlen('these keys:'), (strpos($list, "\n\n") ?: strlen($list)) - strlen('these keys:'));
preg_match_all('/`([a-z][a-z0-9_]*)`/', preg_replace('/\([^()]*\)/', '', $list), $m);
$readme = $m[1];

$heard = [];
Spectra::listen(function ($event) use (&$heard) { $heard[] = array_keys($event->request); });
$success = Spectra::recordSuccess(Spectra::startRequest('openai', 'gpt-4o-mini'), null, ['prompt_tokens' => 3, 'completion_tokens' => 4]);
$failure = Spectra::recordFailure(Spectra::startRequest('openai', 'gpt-4o-mini'), new RuntimeException('x'), 500);

echo 'README keys: ', count($readme), "\n";
echo 'record keys: ', count($success), "\n";
report('README vs recordSuccess()', list_problems('the record', array_keys($success), 'README', $readme));
report('recordFailure()', list_problems('recordSuccess()', array_keys($success), 'recordFailure()', array_keys($failure)));
report('RequestTracked::$request', count($heard) === 2 && $heard[0] === array_keys($success) && $heard[1] === array_keys($failure) ? [] : ['listeners got other keys']);
?>
--EXPECT--
README keys: 67
record keys: 67
README vs recordSuccess(): ok
recordFailure(): ok
RequestTracked::$request: ok
