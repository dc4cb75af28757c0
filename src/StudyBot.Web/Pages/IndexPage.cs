namespace StudyBot.Web.Pages;

/// <summary><c>/</c>: where each page is, and the endpoints for probes and Prometheus.</summary>
internal static class IndexPage
{
    public static Markup Render(PageContext page) => Html.Of($"""
        <h1>StudyBot</h1>
        <ul id="pages">
        <li><a href="/channels">{page.Say("Channels", "채널")}</a>: {page.Say("each channel's schedule, pack, members and answers this week; its boards, daily chart, topics and streaks",
            "채널마다 일정, 팩, 멤버, 이번 주 답 수; 순위표, 날짜별 차트, 주제별 정답률, 연속 기록")}</li>
        <li><a href="/questions">{page.Say("Questions", "문제")}</a>: {page.Say("item analysis: answered, % correct, choice shares, discrimination index and flags",
            "문항 분석: 답 수, 정답률, 보기별 비율, 변별도, 표시")}</li>
        <li><a href="/topics">{page.Say("Topics", "주제")}</a>: {page.Say("search and read a topic as /topic shows it", "/topic처럼 주제를 찾아 읽기")}</li>
        </ul>
        <h2>{page.Say("For machines", "기계용")}</h2>
        <ul id="endpoints">
        <li><a href="/healthz/live">/healthz/live</a>: {page.Say("the process answers", "프로세스가 응답함")}</li>
        <li><a href="/healthz/ready">/healthz/ready</a>: {page.Say("database, scheduler, chat adapters, content", "데이터베이스, 스케줄러, 채팅 어댑터, 콘텐츠")}</li>
        <li><a href="/metrics">/metrics</a>: Prometheus</li>
        </ul>
        """);
}
