--TEST--
startRequest()/recordSuccess()/recordFailure() record once, return the record array and refuse a second recording
--FILE--
<?php
use Spectra\Spectra;

$ctx = Spectra::startRequest('openai', 'gpt-4o', ['tags' => ['batch-job'], 'metadata' => ['user' => 7]]);
var_dump($ctx->isCompleted());
$ctx->addTag('nightly')->addMetadata('attempt', 2)->inConversation('conv_123')->forTrackable('App\Models\Team', 42);
$r = Spectra::recordSuccess($ctx, null, ['input_tokens' => 1000, 'output_tokens' => 200, 'cached_tokens' => 400]);
var_dump($ctx->isCompleted());
// gpt-4o standard: in 250, cached 125, out 1000 (cents/1M)
// prompt = 600*250/1e6 + 400*125/1e6 = 0.15 + 0.05 = 0.2 ; completion = 200*1000/1e6 = 0.2
var_dump($r['prompt_tokens'], $r['cached_tokens'], $r['prompt_cost'], $r['completion_cost'], $r['total_cost_in_cents']);
var_dump($r['tags'], $r['metadata'], $r['conversation_id'], $r['trackable_type'], $r['trackable_id']);

try {
    Spectra::recordSuccess($ctx, []);
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

$ctx2 = Spectra::startRequest('openai', 'gpt-4o');
$f = Spectra::recordFailure($ctx2, new RuntimeException('rate limited'), 429);
var_dump($f['is_failed'], $f['status_code'], $f['error_type'], $f['error_message']);

$ctx3 = Spectra::startRequest('openai', 'gpt-4o');
try {
    Spectra::recordFailure($ctx3, new RuntimeException('x'), 42);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
// A 5xx status recorded through recordSuccess still counts as failed
$ctx4 = Spectra::startRequest('openai', 'gpt-4o');
$ctx4->setUsage(['prompt_tokens' => 5]);
$s = Spectra::recordSuccess($ctx4, new class { function getStatusCode() { return 503; } function getBody() { return new class { function __toString(): string { return '{"error":{"message":"overloaded"}}'; } }; } });
var_dump($s['status_code'], $s['is_failed'], $s['prompt_tokens']);
?>
--EXPECT--
bool(false)
bool(true)
int(1000)
int(400)
float(0.2)
float(0.2)
float(0.4)
array(2) {
  [0]=>
  string(9) "batch-job"
  [1]=>
  string(7) "nightly"
}
array(2) {
  ["user"]=>
  int(7)
  ["attempt"]=>
  int(2)
}
string(8) "conv_123"
string(15) "App\Models\Team"
int(42)
ValueError: Spectra\Spectra::recordSuccess(): Argument #1 ($context) has already been recorded
bool(true)
int(429)
string(16) "RuntimeException"
string(12) "rate limited"
Spectra\Spectra::recordFailure(): Argument #3 ($httpStatus) must be an HTTP status code between 100 and 599 or null
int(503)
bool(true)
int(5)
