--TEST--
RequestContext's id, traceId, spanId, provider and model are initialized, readonly, and survive var_dump/clone refusal
--FILE--
<?php
use Spectra\Spectra;
$ctx = Spectra::startRequest('openai', 'gpt-4o', ['trace_id' => '4bf92f3577b34da6a3ce929d0e0e4736']);
var_dump($ctx->provider, $ctx->model, $ctx->traceId, strlen($ctx->id), strlen($ctx->spanId));
foreach (['id', 'traceId', 'spanId', 'provider', 'model'] as $property) {
    try { $ctx->$property = 'x'; } catch (Error $e) { echo $e->getMessage(), "\n"; }
}
try { $copy = clone $ctx; } catch (Error $e) { echo $e->getMessage(), "\n"; }
echo count((array) $ctx), " properties\n";
?>
--EXPECTF--
string(6) "openai"
string(6) "gpt-4o"
string(32) "4bf92f3577b34da6a3ce929d0e0e4736"
int(26)
int(16)
Cannot modify readonly property Spectra\RequestContext::$id
Cannot modify readonly property Spectra\RequestContext::$traceId
Cannot modify readonly property Spectra\RequestContext::$spanId
Cannot modify readonly property Spectra\RequestContext::$provider
Cannot modify readonly property Spectra\RequestContext::$model
Trying to clone an uncloneable object of class Spectra\RequestContext
5 properties
