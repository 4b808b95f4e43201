--TEST--
Bad input: decoding a response body does not change what json_last_error() reports to the application
--FILE--
<?php
use Spectra\Spectra;

json_decode('{"broken"');
Spectra::track('openai', 'gpt-4o-mini', fn () => '{"usage": {"prompt_tokens": 3,');
echo 'after a malformed body: ', json_last_error_msg(), "\n";

json_decode('{"broken"');
Spectra::track('openai', 'gpt-4o-mini', fn () => (object) ['usage' => (object) ['prompt_tokens' => 3]]);
echo 'after a stdClass body: ', json_last_error_msg(), "\n";

json_decode('{"fine": true}');
Spectra::track('openai', 'gpt-4o-mini', fn () => '{"usage": {"prompt_tokens": 3,');
echo 'no error to keep: ', json_last_error_msg(), "\n";
?>
--EXPECT--
after a malformed body: Syntax error
after a stdClass body: Syntax error
no error to keep: No error
