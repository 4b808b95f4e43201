--TEST--
A call tracked with provider "" or "auto" and a url is attributed by the URL's host (Azure resource, Bedrock region, Vertex location wildcards); spectra.providers.<slug>.hosts adds hosts for a gateway or proxy; an explicit provider is never overridden; unknown hosts stay unknown
--INI--
spectra.providers.openai.hosts = "llm.acme.internal, litellm-*.corp.example"
spectra.providers.anthropic.hosts = claude-proxy.corp.example
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
$cases = [
    ['', 'https://acme-eastus.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21'],
    ['auto', 'https://bedrock-runtime.eu-west-1.amazonaws.com/model/anthropic.claude-3-5-haiku-20241022-v1:0/converse'],
    ['AUTO', 'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash:generateContent'],
    ['', 'https://api.anthropic.com/v1/messages'],
    ['', 'http://llm.acme.internal:4000/v1/chat/completions'],
    ['', 'https://litellm-eu.corp.example/v1/chat/completions'],
    ['auto', 'https://claude-proxy.corp.example/v1/messages'],
    ['groq', 'https://llm.acme.internal/v1/chat/completions'],
    ['', 'https://api.example.com/v1/chat/completions'],
    ['', null],
];
foreach ($cases as [$provider, $url]) {
    $context = null;
    Spectra::track($provider, 'some-model', function ($c) use (&$context) { $context = $c; return []; }, $url === null ? [] : ['url' => $url]);
    printf("%-6s %-40s -> provider=%s context=%s server=%s operation=%s\n", var_export($provider, true), $url === null ? '(no url)' : parse_url($url, PHP_URL_HOST),
        var_export($record['provider'], true), var_export($context->provider, true), $record['server_address'] ?? '-', $record['operation'] ?? '-');
}
echo ini_get('spectra.providers.openai.hosts'), "\n";
var_dump(ini_get('spectra.providers.bedrock.hosts'));
?>
--EXPECT--
''     acme-eastus.openai.azure.com             -> provider='azure' context='azure' server=acme-eastus.openai.azure.com operation=chat
'auto' bedrock-runtime.eu-west-1.amazonaws.com  -> provider='bedrock' context='bedrock' server=bedrock-runtime.eu-west-1.amazonaws.com operation=chat
'AUTO' us-central1-aiplatform.googleapis.com    -> provider='vertex' context='vertex' server=us-central1-aiplatform.googleapis.com operation=generate_content
''     api.anthropic.com                        -> provider='anthropic' context='anthropic' server=api.anthropic.com operation=chat
''     llm.acme.internal                        -> provider='openai' context='openai' server=llm.acme.internal operation=chat
''     litellm-eu.corp.example                  -> provider='openai' context='openai' server=litellm-eu.corp.example operation=chat
'auto' claude-proxy.corp.example                -> provider='anthropic' context='anthropic' server=claude-proxy.corp.example operation=chat
'groq' llm.acme.internal                        -> provider='groq' context='groq' server=llm.acme.internal operation=chat
''     api.example.com                          -> provider='' context='' server=api.example.com operation=chat
''     (no url)                                 -> provider='' context='' server=- operation=-
llm.acme.internal, litellm-*.corp.example
string(0) ""
